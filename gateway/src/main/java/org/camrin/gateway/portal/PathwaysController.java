package org.camrin.gateway.portal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/** Pathway definitions, adoption and compliance, and recording a patient's steps. */
@Controller
class PathwaysController {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ServiceApi api;

    PathwaysController(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/pathways")
    Mono<String> pathways(ServerWebExchange exchange, Model model) {
        return api.get(exchange, "pathway", "/api/pathways/definitions").map(definitions -> {
            model.addAttribute("definitions", definitions.list());
            model.addAttribute("detail", definitions.ok() ? null : definitions.detail());
            model.addAttribute("form", Map.of());
            return "pathways";
        });
    }

    @GetMapping("/pathways/definitions/{code}")
    Mono<String> definition(@PathVariable String code, OAuth2AuthenticationToken authentication,
            ServerWebExchange exchange, Model model) {
        PortalUser user = PortalUser.of(authentication);
        String encoded = UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8);
        return api.get(exchange, "pathway", "/api/pathways/definitions/" + encoded).flatMap(definition -> {
            if (!definition.ok()) {
                Pages.showErrors(model, exchange, definition);
                return Mono.just("problem");
            }
            List<Map<String, Object>> versions = new ArrayList<>();
            if (definition.map().get("versions") instanceof Map<?, ?> byNumber) {
                byNumber.values().forEach(version -> versions.add(asMap(version)));
            }
            versions.sort((a, b) -> Integer.compare(number(b.get("version")), number(a.get("version"))));
            int published = versions.stream().filter(version -> "PUBLISHED".equals(version.get("status")))
                    .mapToInt(version -> number(version.get("version"))).max().orElse(0);
            model.addAttribute("code", code);
            model.addAttribute("versions", versions);
            model.addAttribute("adoptions", definition.map().get("adoptions"));
            model.addAttribute("complianceVersion", published);
            if (published == 0) {
                return Mono.just("pathway");
            }
            String base = "/api/pathways/compliance/" + encoded + "/versions/" + published;
            Mono<ApiResponse> compliance = user.readsAllTrusts() || user.trust() == null
                    ? api.get(exchange, "pathway", base)
                    : api.get(exchange, "pathway", base + "/trusts/" + user.trust());
            return compliance.map(report -> {
                List<Map<String, Object>> reports = new ArrayList<>();
                if (report.ok() && report.map().get("trusts") != null) {
                    reports.add(asMap(report.map().get("network")));
                    reports.addAll(CapacityController.maps(report.map().get("trusts")));
                } else if (report.ok()) {
                    reports.add(report.map());
                } else {
                    model.addAttribute("complianceError", report.detail());
                }
                model.addAttribute("reports", reports);
                if (!reports.isEmpty()) {
                    model.addAttribute("complianceChart", complianceChart(reports.get(0)));
                }
                return "pathway";
            });
        });
    }

    @PostMapping("/pathways/patients")
    Mono<String> startPatientPathway(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("nhsNumber", Pages.value(form, "nhsNumber"));
            request.put("pathwayCode", Pages.value(form, "pathwayCode"));
            return api.send(exchange, HttpMethod.POST, "pathway", "/api/pathways/patients", request)
                    .zipWith(api.get(exchange, "pathway", "/api/pathways/definitions"))
                    .map(results -> {
                        if (results.getT1().ok()) {
                            return Pages.redirect("/pathways/patients/" + results.getT1().map().get("id"));
                        }
                        model.addAttribute("definitions", results.getT2().list());
                        // The NHS number is never shown back, so it does not sit in the page.
                        model.addAttribute("form", Map.of("pathwayCode", String.valueOf(request.get("pathwayCode"))));
                        Pages.showErrors(model, exchange, results.getT1());
                        return "pathways";
                    });
        });
    }

    @GetMapping("/pathways/patients")
    String findPatientPathway(@RequestParam(required = false) String id) {
        if (id == null || !id.trim().matches("[0-9a-fA-F-]{36}")) {
            return Pages.redirect("/pathways");
        }
        return Pages.redirect("/pathways/patients/" + id.trim());
    }

    @GetMapping("/pathways/patients/{pathwayId}")
    Mono<String> patientPathway(@PathVariable String pathwayId, ServerWebExchange exchange, Model model) {
        return showPatientPathway(pathwayId, exchange, model, null);
    }

    @PostMapping("/pathways/patients/{pathwayId}/steps/{stepKey}")
    Mono<String> recordStep(@PathVariable String pathwayId, @PathVariable String stepKey, ServerWebExchange exchange,
            Model model) {
        return exchange.getFormData().flatMap(form -> {
            // An empty field means the step was completed just now.
            String completedAt = Pages.value(form, "completedAt");
            Map<String, Object> request = new LinkedHashMap<>();
            if (completedAt == null) {
                request.put("completedAt", java.time.Instant.now().toString());
            } else {
                try {
                    request.put("completedAt", LocalDateTime.parse(completedAt).atZone(LONDON).toInstant().toString());
                } catch (DateTimeParseException invalid) {
                    return showPatientPathway(pathwayId, exchange, model, stepKey).doOnNext(view -> Pages.showErrors(model,
                            exchange, new ApiResponse(400, null, null,
                                    Map.of("completedAt-" + stepKey, "Enter the date and time, for example 31/01/2027 09:30."))));
                }
            }
            String path = "/api/pathways/patients/" + UriUtils.encodePathSegment(pathwayId, java.nio.charset.StandardCharsets.UTF_8)
                    + "/steps/" + UriUtils.encodePathSegment(stepKey, java.nio.charset.StandardCharsets.UTF_8);
            return api.send(exchange, HttpMethod.POST, "pathway", path, request).flatMap(recorded -> {
                if (recorded.ok()) {
                    return Mono.just(Pages.redirect("/pathways/patients/" + pathwayId));
                }
                Map<String, String> fields = new LinkedHashMap<>();
                recorded.fieldErrors().forEach((field, message) -> fields.put(field + "-" + stepKey, message));
                return showPatientPathway(pathwayId, exchange, model, stepKey).doOnNext(view -> Pages.showErrors(model,
                        exchange, new ApiResponse(recorded.status(), recorded.body(), recorded.detail(), fields)));
            });
        });
    }

    private Mono<String> showPatientPathway(String pathwayId, ServerWebExchange exchange, Model model, String stepKey) {
        String path = "/api/pathways/patients/" + UriUtils.encodePathSegment(pathwayId, java.nio.charset.StandardCharsets.UTF_8);
        return api.get(exchange, "pathway", path).map(pathway -> {
            if (!pathway.ok()) {
                Pages.showErrors(model, exchange, pathway);
                return "problem";
            }
            model.addAttribute("pathway", pathway.map());
            model.addAttribute("failedStep", stepKey);
            return "patient-pathway";
        });
    }

    private static String complianceChart(Map<String, Object> report) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (Map<String, Object> step : CapacityController.maps(report.get("steps"))) {
            Double share = CapacityController.asDouble(step.get("shareWithinTarget"));
            bars.add(new SvgCharts.Bar(String.valueOf(step.get("name")), share == null ? null : share * 100));
        }
        String who = "NETWORK".equals(report.get("trust")) || report.get("trust") == null ? "the network"
                : String.valueOf(report.get("trust"));
        return SvgCharts.barChart("Steps within target for " + who,
                "Percentage of measured steps completed within their target, per step. The table below lists the figures"
                        + " for each trust and step.",
                bars, null, null, SvgCharts::percentLabel);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }
}
