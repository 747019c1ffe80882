package org.camrin.pathway.definition.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camrin.pathway.definition.query.PathwayDefinitionView;
import org.camrin.pathway.definition.query.PathwayDefinitionView.Version;
import org.camrin.pathway.definition.api.PathwayStep;

/**
 * Builds a FHIR R4 PlanDefinition (as JSON-ready maps) from a published pathway version. Each
 * step becomes an action whose {@code timingDuration} is the target and whose
 * {@code relatedAction} says it ends that long after the start of the pathway or of an earlier
 * step, which is how FHIR R4 expresses an offset between actions.
 */
final class PlanDefinitionExport {

    static final String BASE = "https://camrin.invalid/fhir/PlanDefinition/";

    private PlanDefinitionExport() {
    }

    static Map<String, Object> of(PathwayDefinitionView definition, Version version) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("resourceType", "PlanDefinition");
        plan.put("id", definition.code().toLowerCase() + "-v" + version.version());
        plan.put("url", BASE + definition.code());
        plan.put("version", Integer.toString(version.version()));
        plan.put("name", definition.code().replace("-", "_"));
        plan.put("title", version.name());
        plan.put("type", Map.of("coding", List.of(Map.of(
                "system", "http://terminology.hl7.org/CodeSystem/plan-definition-type",
                "code", "clinical-protocol", "display", "Clinical Protocol"))));
        plan.put("status", version.status() == PathwayDefinitionView.Status.RETIRED ? "retired" : "active");
        if (version.publishedAt() != null) {
            plan.put("date", version.publishedAt().toString());
        }
        plan.put("publisher", "Cheshire and Merseyside Radiology Imaging Network");
        plan.put("topic", List.of(Map.of("text", version.clinicalArea())));
        plan.put("relatedArtifact", version.standards().stream()
                .map(standard -> Map.of("type", "justification", "display", standard))
                .toList());

        List<Map<String, Object>> actions = new ArrayList<>();
        for (PathwayStep step : version.steps()) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("id", step.key());
            action.put("title", step.name());
            action.put("timingDuration", duration(step.target()));
            if (step.measuredFrom() != null) {
                action.put("relatedAction", List.of(Map.of(
                        "actionId", step.measuredFrom(),
                        "relationship", "after-end",
                        "offsetDuration", duration(step.target()))));
            } else {
                action.put("description", "Due " + step.target() + " after the pathway starts.");
            }
            actions.add(action);
        }
        plan.put("action", actions);
        return plan;
    }

    /**
     * Converts a target to a FHIR Duration in UCUM units: whole days from a week up, otherwise the
     * largest of hours, minutes or seconds that keeps the value whole, so 72 hours stay 72 hours.
     */
    private static Map<String, Object> duration(Duration target) {
        long seconds = target.toSeconds();
        if (seconds % 86_400 == 0 && seconds >= 7 * 86_400) {
            return ucum(seconds / 86_400, "days", "d");
        }
        if (seconds % 3_600 == 0) {
            return ucum(seconds / 3_600, "hours", "h");
        }
        if (seconds % 60 == 0) {
            return ucum(seconds / 60, "minutes", "min");
        }
        return ucum(seconds, "seconds", "s");
    }

    private static Map<String, Object> ucum(long value, String unit, String code) {
        return Map.of("value", value, "unit", unit, "system", "http://unitsofmeasure.org", "code", code);
    }
}
