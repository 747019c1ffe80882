package org.camrin.gateway.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** Waiting lists against the 6-week standard, the scenario projection and DM01 imports. */
@Controller
class CapacityController {

    static final String NETWORK = "NETWORK";

    private final ServiceApi api;

    CapacityController(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/capacity")
    Mono<String> capacity(@RequestParam(required = false) String area, OAuth2AuthenticationToken authentication,
            ServerWebExchange exchange, Model model) {
        PortalUser user = PortalUser.of(authentication);
        String chosen = chosenArea(area, user);
        return Mono.zip(api.get(exchange, "data", "/api/data/waiting-list"),
                        api.get(exchange, "data", "/api/data/waiting-list/" + chosen),
                        api.get(exchange, "data", "/api/data/waiting-list/" + NETWORK))
                .map(results -> {
                    ApiResponse latest = results.getT1();
                    ApiResponse series = results.getT2();
                    ApiResponse network = results.getT3();
                    model.addAttribute("areas", areas(user));
                    model.addAttribute("area", chosen);
                    model.addAttribute("latest", latest.ok() ? latest.map() : null);
                    if (!series.ok()) {
                        Pages.showErrors(model, exchange, series);
                        model.addAttribute("months", List.of());
                        return "capacity";
                    }
                    List<Map<String, Object>> months = maps(series.map().get("months"));
                    List<Map<String, Object>> networkMonths = maps(network.map().get("months"));
                    model.addAttribute("areaName", series.map().get("name"));
                    model.addAttribute("months", months);
                    model.addAttribute("waitingChart", waitingListChart(series.map(), months));
                    model.addAttribute("shareChart", shareChart(chosen, months, networkMonths));
                    return "capacity";
                });
    }

    @GetMapping("/capacity/scenario")
    Mono<String> scenario(@RequestParam Map<String, String> query, OAuth2AuthenticationToken authentication,
            ServerWebExchange exchange, Model model) {
        PortalUser user = PortalUser.of(authentication);
        Map<String, String> form = new LinkedHashMap<>(query);
        form.put("area", chosenArea(query.get("area"), user));
        form.putIfAbsent("months", "12");
        model.addAttribute("areas", areas(user));
        model.addAttribute("form", form);
        if (!query.containsKey("run")) {
            return Mono.just("scenario");
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/data/planning/projection");
        for (String name : List.of("area", "months", "demandGrowthPercent", "extraCapacityPerMonth", "demandPerMonth")) {
            String value = form.get(name);
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, value.trim());
            }
        }
        return api.get(exchange, "data", uri.encode().build().toUriString()).map(projection -> {
            if (!projection.ok()) {
                Pages.showErrors(model, exchange, projection);
                return "scenario";
            }
            model.addAttribute("projection", projection.map());
            List<Map<String, Object>> projected = maps(projection.map().get("months"));
            model.addAttribute("projectedMonths", projected);
            model.addAttribute("projectionChart", projectionChart(projection.map(), projected));
            return "scenario";
        });
    }

    @GetMapping("/capacity/imports/new")
    String newImport(OAuth2AuthenticationToken authentication, ServerWebExchange exchange, Model model) {
        if (!PortalUser.of(authentication).canImportData()) {
            Pages.refuse(model, exchange, "Only data analysts and network admins import DM01 files.");
            return "problem";
        }
        model.addAttribute("form", Map.of());
        return "import-new";
    }

    @PostMapping("/capacity/imports")
    Mono<String> startImport(ServerWebExchange exchange, Model model) {
        return exchange.getMultipartData().flatMap(parts -> {
            Map<String, String> fields = new LinkedHashMap<>();
            String period = text(parts.getFirst("period"));
            if (period != null) {
                fields.put("period", period);
            }
            if ("true".equals(text(parts.getFirst("partial")))) {
                fields.put("partial", "true");
            }
            model.addAttribute("form", fields);
            if (!(parts.getFirst("file") instanceof FilePart file) || file.filename().isBlank()) {
                model.addAttribute("errors", Map.of("file", "Choose a DM01 CSV file to import."));
                exchange.getResponse().setStatusCode(org.springframework.http.HttpStatus.BAD_REQUEST);
                return Mono.just("import-new");
            }
            // The service reads period and partial as query parameters, beside the file part.
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/data/imports");
            fields.forEach(uri::queryParam);
            return api.upload(exchange, "data", uri.encode().build().toUriString(), file, Map.of()).map(started -> {
                if (started.ok() && started.map().get("importId") != null) {
                    return Pages.redirect("/capacity/imports/" + started.map().get("importId"));
                }
                Pages.showErrors(model, exchange, started);
                return "import-new";
            });
        });
    }

    @GetMapping("/capacity/imports/{importId}")
    Mono<String> importProgress(@PathVariable String importId, @RequestParam(defaultValue = "1") int page,
            ServerWebExchange exchange, Model model) {
        String path = UriComponentsBuilder.fromPath("/api/data/imports/{id}").queryParam("page", page)
                .buildAndExpand(importId).encode().toUriString();
        return api.get(exchange, "data", path).map(progress -> {
            if (!progress.ok()) {
                Pages.showErrors(model, exchange, progress);
                return "problem";
            }
            Object status = progress.map().get("status");
            model.addAttribute("run", progress.map());
            model.addAttribute("running", "QUEUED".equals(status) || "RUNNING".equals(status));
            return "import";
        });
    }

    private static String text(Part part) {
        if (part instanceof org.springframework.http.codec.multipart.FormFieldPart field) {
            String value = field.value();
            return value == null || value.isBlank() ? null : value.trim();
        }
        return null;
    }

    /** The area shown: the requested one if the person may read it, else their trust, else the network. */
    private static String chosenArea(String requested, PortalUser user) {
        if (requested != null) {
            String upper = requested.trim().toUpperCase();
            if (upper.equals(NETWORK) || (Trusts.isTrust(upper) && (user.readsAllTrusts() || user.isOfTrust(upper)))) {
                return upper;
            }
        }
        return user.trust() != null && Trusts.isTrust(user.trust()) ? user.trust() : NETWORK;
    }

    private static Map<String, String> areas(PortalUser user) {
        Map<String, String> areas = new LinkedHashMap<>();
        areas.put(NETWORK, "The network (12 trusts)");
        Trusts.NAMES.forEach((code, name) -> {
            if (user.readsAllTrusts() || user.isOfTrust(code)) {
                areas.put(code, name + " (" + code + ")");
            }
        });
        return areas;
    }

    private static String waitingListChart(Map<String, Object> series, List<Map<String, Object>> months) {
        List<String> labels = months.stream().map(month -> String.valueOf(month.get("period"))).toList();
        List<Double> values = months.stream().map(month -> asDouble(month.get("totalWaitingList"))).toList();
        return SvgCharts.lineChart("Waiting list of " + series.get("name"),
                "Total number of patients waiting for a diagnostic test each month. The table below lists the figures.",
                labels, List.of(new SvgCharts.Series("Waiting list", values)), null, null, SvgCharts::whole);
    }

    private static String shareChart(String area, List<Map<String, Object>> months, List<Map<String, Object>> network) {
        List<String> labels = months.stream().map(month -> String.valueOf(month.get("period"))).toList();
        Map<String, Double> networkShares = new LinkedHashMap<>();
        network.forEach(month -> networkShares.put(String.valueOf(month.get("period")), percent(month.get("share6PlusWeeks"))));
        List<SvgCharts.Series> series = new ArrayList<>();
        series.add(new SvgCharts.Series(area.equals(NETWORK) ? "Network" : area,
                months.stream().map(month -> percent(month.get("share6PlusWeeks"))).toList()));
        if (!area.equals(NETWORK)) {
            series.add(new SvgCharts.Series("Network", labels.stream().map(networkShares::get).toList()));
        }
        Double standard = months.isEmpty() ? null : percent(months.get(months.size() - 1).get("standardShare"));
        return SvgCharts.lineChart("Share waiting 6 weeks or more",
                "Percentage of the waiting list waiting 6 weeks or more each month, against the standard drawn as a"
                        + " dashed line. Months without banded figures are left out. The table below lists the figures.",
                labels, series, standard, "Standard " + SvgCharts.percentLabel(standard == null ? 0 : standard),
                SvgCharts::percentLabel);
    }

    private static String projectionChart(Map<String, Object> projection, List<Map<String, Object>> months) {
        List<String> labels = months.stream().map(month -> String.valueOf(month.get("period"))).toList();
        List<Double> values = months.stream().map(month -> asDouble(month.get("waitingList"))).toList();
        Object baseline = projection.get("baseline") instanceof Map<?, ?> base ? base.get("waitingList") : null;
        return SvgCharts.lineChart("Projected waiting list",
                "Projected number of patients waiting each month under the scenario, starting from "
                        + (baseline == null ? "the latest figures" : baseline + " waiting") + ". The table below lists the figures.",
                labels, List.of(new SvgCharts.Series("Projected waiting list", values)), null, null, SvgCharts::whole);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : ServiceApi.listOf(value)) {
            if (item instanceof Map<?, ?> map) {
                maps.add((Map<String, Object>) map);
            }
        }
        return maps;
    }

    static Double asDouble(Object value) {
        return value instanceof Number number ? number.doubleValue() : null;
    }

    private static Double percent(Object fraction) {
        return fraction instanceof Number number ? number.doubleValue() * 100 : null;
    }
}
