package org.camrin.gateway.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** Workforce figures per trust and staff group, vacancy rates as charts, and initiatives. */
@Controller
class WorkforceController {

    private final ServiceApi api;

    WorkforceController(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/workforce")
    Mono<String> workforce(@RequestParam(required = false) String trust, ServerWebExchange exchange, Model model) {
        String chosen = trust != null && Trusts.isTrust(trust) ? trust.toUpperCase() : null;
        Mono<ApiResponse> trustFigures = chosen == null ? Mono.just(ApiResponse.of(204, null))
                : api.get(exchange, "workforce", UriComponentsBuilder.fromPath("/api/workforce/trusts/{trust}/figures")
                        .buildAndExpand(chosen).toUriString());
        return Mono.zip(api.get(exchange, "workforce", "/api/workforce/network/figures"), trustFigures,
                        api.get(exchange, "workforce", "/api/workforce/staff-groups"),
                        api.get(exchange, "workforce", "/api/workforce/initiatives"))
                .map(results -> {
                    ApiResponse network = results.getT1();
                    Map<String, String> groupNames = new java.util.LinkedHashMap<>();
                    CapacityController.maps(results.getT3().body())
                            .forEach(group -> groupNames.put(String.valueOf(group.get("id")), String.valueOf(group.get("name"))));
                    model.addAttribute("groupNames", groupNames);
                    model.addAttribute("trusts", Trusts.NAMES);
                    model.addAttribute("chosenTrust", chosen);
                    model.addAttribute("initiatives", results.getT4().list());
                    if (!network.ok()) {
                        Pages.showErrors(model, exchange, network);
                        return "workforce";
                    }
                    model.addAttribute("network", network.map());
                    model.addAttribute("trustChart", vacancyChart("Vacancy rate by trust",
                            "Vacancies as a percentage of funded establishment for each trust. The table below lists the figures.",
                            network.map().get("trusts"), Trusts.NAMES));
                    model.addAttribute("groupChart", vacancyChart("Vacancy rate by staff group, network",
                            "Vacancies as a percentage of funded establishment for each staff group across the network."
                                    + " The table below lists the figures.",
                            network.map().get("staffGroups"), groupNames));
                    if (results.getT2().ok() && chosen != null) {
                        model.addAttribute("trustFigures", results.getT2().map());
                        model.addAttribute("chosenChart", vacancyChart("Vacancy rate by staff group, " + chosen,
                                "Vacancies as a percentage of funded establishment for each staff group of the trust.",
                                results.getT2().map().get("staffGroups"), groupNames));
                    }
                    return "workforce";
                });
    }

    private static String vacancyChart(String title, String description, Object figuresByKey, Map<String, String> names) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        if (figuresByKey instanceof Map<?, ?> byKey) {
            byKey.forEach((key, figures) -> {
                Object rate = figures instanceof Map<?, ?> map ? map.get("vacancyRate") : null;
                // Trust names are too long for the chart's label column, so trusts keep their ODS code.
                String name = names.getOrDefault(String.valueOf(key), String.valueOf(key));
                String label = name.length() > 30 ? String.valueOf(key) : name;
                bars.add(new SvgCharts.Bar(label, CapacityController.asDouble(rate)));
            });
        }
        return SvgCharts.barChart(title, description, bars, null, null, SvgCharts::percentLabel);
    }
}
