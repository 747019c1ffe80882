package org.camrin.gateway.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Programmes, their projects, a project's page and the forms that change projects. */
@Controller
class ProgrammesController {

    static final List<String> STATUSES = List.of("PROPOSED", "APPROVED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "CLOSED");
    static final List<String> RATINGS = List.of("RED", "AMBER", "GREEN");
    private static final String NOT_ALLOWED = "Only programme managers and network admins create and change projects.";

    private final ServiceApi api;

    ProgrammesController(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/programmes")
    Mono<String> programmes(ServerWebExchange exchange, Model model) {
        return api.get(exchange, "programme", "/api/programmes").map(programmes -> {
            model.addAttribute("programmes", programmes.list());
            model.addAttribute("detail", programmes.ok() ? null : programmes.detail());
            return "programmes";
        });
    }

    @GetMapping("/programmes/{programmeId}")
    Mono<String> programme(@PathVariable String programmeId, ServerWebExchange exchange, Model model) {
        return Mono.zip(api.get(exchange, "programme", "/api/programmes/" + programmeId),
                        api.get(exchange, "programme", "/api/programmes/" + programmeId + "/projects"))
                .map(results -> {
                    if (!results.getT1().ok()) {
                        Pages.showErrors(model, exchange, results.getT1());
                        return "problem";
                    }
                    model.addAttribute("programme", results.getT1().map());
                    model.addAttribute("projects", results.getT2().list());
                    return "programme";
                });
    }

    @GetMapping("/programmes/{programmeId}/projects/new")
    Mono<String> newProject(@PathVariable String programmeId, OAuth2AuthenticationToken authentication,
            ServerWebExchange exchange, Model model) {
        PortalUser user = PortalUser.of(authentication);
        return api.get(exchange, "programme", "/api/programmes/" + programmeId).map(programme -> {
            if (!programme.ok()) {
                Pages.showErrors(model, exchange, programme);
                return "problem";
            }
            model.addAttribute("programme", programme.map());
            if (!user.canManageProgrammes()) {
                Pages.refuse(model, exchange, NOT_ALLOWED);
                return "problem";
            }
            model.addAttribute("form", Map.of("leadTrust", user.trust() == null ? "" : user.trust()));
            model.addAttribute("participating", List.of());
            model.addAttribute("trusts", Trusts.NAMES);
            return "project-new";
        });
    }

    @PostMapping("/programmes/{programmeId}/projects")
    Mono<String> createProject(@PathVariable String programmeId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("title", Pages.value(form, "title"));
            request.put("summary", Pages.value(form, "summary"));
            request.put("leadTrust", Pages.value(form, "leadTrust"));
            List<String> participating = form.getOrDefault("participatingTrusts", List.of());
            request.put("participatingTrusts", participating);
            return api.send(exchange, HttpMethod.POST, "programme", "/api/programmes/" + programmeId + "/projects", request)
                    .zipWith(api.get(exchange, "programme", "/api/programmes/" + programmeId))
                    .map(results -> {
                        ApiResponse created = results.getT1();
                        if (created.ok()) {
                            return Pages.redirect("/projects/" + created.map().get("id"));
                        }
                        model.addAttribute("programme", results.getT2().map());
                        model.addAttribute("form", form.toSingleValueMap());
                        model.addAttribute("participating", participating);
                        model.addAttribute("trusts", Trusts.NAMES);
                        Pages.showErrors(model, exchange, created);
                        return "project-new";
                    });
        });
    }

    @GetMapping("/projects/{projectId}")
    Mono<String> project(@PathVariable String projectId, ServerWebExchange exchange, Model model) {
        return showProject(projectId, exchange, model, Map.of());
    }

    @PostMapping("/projects/{projectId}/rag")
    Mono<String> rate(@PathVariable String projectId, ServerWebExchange exchange, Model model) {
        return change(projectId, exchange, model, HttpMethod.PUT, "/rag",
                form -> body("rating", Pages.value(form, "rating"), "reason", Pages.value(form, "reason")));
    }

    @PostMapping("/projects/{projectId}/status")
    Mono<String> changeStatus(@PathVariable String projectId, ServerWebExchange exchange, Model model) {
        return change(projectId, exchange, model, HttpMethod.POST, "/status",
                form -> body("status", Pages.value(form, "status"), "reason", Pages.value(form, "statusReason")));
    }

    @PostMapping("/projects/{projectId}/milestones")
    Mono<String> addMilestone(@PathVariable String projectId, ServerWebExchange exchange, Model model) {
        return change(projectId, exchange, model, HttpMethod.POST, "/milestones",
                form -> body("title", Pages.value(form, "milestoneTitle"), "dueDate", Pages.value(form, "dueDate")));
    }

    private Mono<String> change(String projectId, ServerWebExchange exchange, Model model, HttpMethod method, String path,
            java.util.function.Function<MultiValueMap<String, String>, Map<String, Object>> body) {
        return exchange.getFormData().flatMap(form -> api
                .send(exchange, method, "programme", "/api/projects/" + projectId + path, body.apply(form))
                .flatMap(response -> {
                    if (response.ok()) {
                        return Mono.just(Pages.redirect("/projects/" + projectId));
                    }
                    // The page's forms name fields after the service's, except where two forms
                    // share a name: the milestone's title and the status's reason.
                    Map<String, String> renamed = new LinkedHashMap<>();
                    response.fieldErrors().forEach((field, message) -> renamed.put(formField(path, field), message));
                    ApiResponse shown = new ApiResponse(response.status(), response.body(), response.detail(), renamed);
                    return showProject(projectId, exchange, model, form.toSingleValueMap()).doOnNext(view -> {
                        Pages.showErrors(model, exchange, shown);
                    });
                }));
    }

    private static String formField(String path, String field) {
        if (path.equals("/milestones") && field.equals("title")) {
            return "milestoneTitle";
        }
        if (path.equals("/status") && field.equals("reason")) {
            return "statusReason";
        }
        return field;
    }

    private Mono<String> showProject(String projectId, ServerWebExchange exchange, Model model, Map<String, String> form) {
        return Mono.zip(api.get(exchange, "programme", "/api/projects/" + projectId),
                        api.get(exchange, "programme", "/api/projects/" + projectId + "/history"))
                .map(results -> {
                    if (!results.getT1().ok()) {
                        Pages.showErrors(model, exchange, results.getT1());
                        return "problem";
                    }
                    List<Object> history = new ArrayList<>(results.getT2().list());
                    java.util.Collections.reverse(history);
                    model.addAttribute("project", results.getT1().map());
                    model.addAttribute("history", history);
                    model.addAttribute("form", form);
                    model.addAttribute("statuses", STATUSES);
                    model.addAttribute("ratings", RATINGS);
                    return "project";
                });
    }

    private static Map<String, Object> body(String firstName, Object first, String secondName, Object second) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(firstName, first);
        body.put(secondName, second);
        return body;
    }
}
