package org.camrin.pathway.patient.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.camrin.pathway.patient.api.PatientPathwayStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Query model of one patient's pathway, read by its id. It holds the patient only as a key id and
 * the sealed pseudonym, and erasure removes both.
 *
 * @param sequence sequence number of the last event applied, so a repeated event is skipped
 */
@Document(PatientPathwayView.COLLECTION)
public record PatientPathwayView(@Id String id, String trust, String pathwayCode, int pathwayVersion,
        String patientKeyId, String sealedPseudonym, PatientPathwayStatus status, Instant startedAt,
        List<Step> steps, String closingReason, Instant updatedAt, long sequence) {

    static final String COLLECTION = "patient_pathways";

    /**
     * One step with its target and what happened.
     *
     * @param withinTarget null until both the step and the step it is measured from are recorded
     * @param lateBy       time after the due time; zero when within target
     */
    public record Step(String key, String name, Duration target, String measuredFrom, Instant dueAt,
            Instant completedAt, Boolean withinTarget, Duration lateBy, Instant breachedAt) {

        Step withDue(Instant due) {
            return new Step(key, name, target, measuredFrom, due, completedAt, withinTarget, lateBy, breachedAt);
        }

        Step withCompletion(Instant at, Instant due, Boolean within, Duration late) {
            return new Step(key, name, target, measuredFrom, due, at, within, late, breachedAt);
        }

        Step withBreach(Instant detectedAt) {
            return new Step(key, name, target, measuredFrom, dueAt, completedAt, withinTarget, lateBy, detectedAt);
        }
    }

    PatientPathwayView withStep(String key, UnaryOperator<Step> change, Instant at, long newSequence) {
        List<Step> updated = new ArrayList<>();
        for (Step step : steps) {
            updated.add(step.key().equals(key) ? change.apply(step) : step);
        }
        return new PatientPathwayView(id, trust, pathwayCode, pathwayVersion, patientKeyId, sealedPseudonym, status,
                startedAt, List.copyOf(updated), closingReason, at, newSequence);
    }

    PatientPathwayView withStatus(PatientPathwayStatus newStatus, String reason, Instant at, long newSequence) {
        return new PatientPathwayView(id, trust, pathwayCode, pathwayVersion, patientKeyId, sealedPseudonym, newStatus,
                startedAt, steps, reason, at, newSequence);
    }

    PatientPathwayView erased(Instant at, long newSequence) {
        return new PatientPathwayView(id, trust, pathwayCode, pathwayVersion, null, null, PatientPathwayStatus.ERASED,
                startedAt, steps, null, at, newSequence);
    }
}
