package org.camrin.gateway.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The home page: who is signed in, and their trust's and the network's figures at a glance. */
@Controller
class HomeController {

    private static final Set<String> FINISHED = Set.of("COMPLETED", "CLOSED");

    private final ServiceApi api;

    HomeController(ServiceApi api) {
        this.api = api;
    }

    /** Open projects led by one trust, or by any trust when {@code trust} is null. */
    public record ProjectCounts(long trust, long network) {
    }

    /** Steps within target over steps measured, pooled over the pathways shown. */
    public record Compliance(long measured, long withinTarget, long openBreaches, boolean available) {

        public Double share() {
            return measured == 0 ? null : (double) withinTarget / measured;
        }
    }

    @GetMapping("/")
    Mono<String> home(OAuth2AuthenticationToken authentication, ServerWebExchange exchange, Model model) {
        PortalUser user = PortalUser.of(authentication);
        String trust = user.trust();

        Mono<ProjectCounts> projects = projectCounts(exchange, trust);
        Mono<ApiResponse> waitingList = api.get(exchange, "data", "/api/data/waiting-list");
        Mono<ApiResponse> trustWorkforce = trust == null
                ? Mono.just(ApiResponse.of(404, null))
                : api.get(exchange, "workforce", "/api/workforce/trusts/" + trust + "/figures");
        Mono<ApiResponse> networkWorkforce = api.get(exchange, "workforce", "/api/workforce/network/figures");
        Mono<List<Compliance>> compliance = compliance(exchange, trust, user.readsAllTrusts());

        return Mono.zip(projects, waitingList, trustWorkforce, networkWorkforce, compliance).map(results -> {
            model.addAttribute("projects", results.getT1());
            ApiResponse waiting = results.getT2();
            model.addAttribute("waitingListError", waiting.ok() ? null : waiting.detail());
            model.addAttribute("waitingPeriod", waiting.map().get("period"));
            model.addAttribute("trustWaiting", trustFigures(waiting, trust));
            model.addAttribute("networkWaiting", waiting.map().get("network"));
            model.addAttribute("trustWorkforce", results.getT3().ok() ? results.getT3().map() : null);
            model.addAttribute("networkWorkforce", results.getT4().ok() ? results.getT4().map() : null);
            model.addAttribute("trustCompliance", results.getT5().get(0));
            model.addAttribute("networkCompliance", results.getT5().get(1));
            return "home";
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> trustFigures(ApiResponse waitingList, String trust) {
        for (Object figures : ServiceApi.listOf(waitingList.map().get("trusts"))) {
            Map<String, Object> entry = (Map<String, Object>) figures;
            if (trust != null && trust.equals(entry.get("odsCode"))) {
                return entry;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Mono<ProjectCounts> projectCounts(ServerWebExchange exchange, String trust) {
        return api.get(exchange, "programme", "/api/programmes")
                .flatMapMany(programmes -> Flux.fromIterable(programmes.list()))
                .concatMap(programme -> api.get(exchange, "programme",
                        "/api/programmes/" + ((Map<String, Object>) programme).get("id") + "/projects"))
                .flatMapIterable(ApiResponse::list)
                .map(project -> (Map<String, Object>) project)
                .filter(project -> !FINISHED.contains(String.valueOf(project.get("status"))))
                .collectList()
                .map(open -> new ProjectCounts(
                        open.stream().filter(project -> trust != null && trust.equals(project.get("leadTrust"))).count(),
                        open.size()));
    }

    /** Returns the trust's compliance first and the network's second. */
    @SuppressWarnings("unchecked")
    private Mono<List<Compliance>> compliance(ServerWebExchange exchange, String trust, boolean network) {
        return api.get(exchange, "pathway", "/api/pathways/definitions")
                .flatMapMany(definitions -> Flux.fromIterable(definitions.list()))
                .map(definition -> (Map<String, Object>) definition)
                .filter(definition -> !"DRAFT".equals(definition.get("latestStatus")))
                .concatMap(definition -> {
                    String base = "/api/pathways/compliance/" + definition.get("code") + "/versions/"
                            + definition.get("latestVersion");
                    Mono<ApiResponse> ofTrust = trust == null ? Mono.just(ApiResponse.of(404, null))
                            : api.get(exchange, "pathway", base + "/trusts/" + trust);
                    Mono<ApiResponse> ofNetwork = network ? api.get(exchange, "pathway", base)
                            : Mono.just(ApiResponse.of(403, null));
                    return Mono.zip(ofTrust, ofNetwork);
                })
                .collectList()
                .map(reports -> {
                    List<Map<String, Object>> trustReports = new ArrayList<>();
                    List<Map<String, Object>> networkReports = new ArrayList<>();
                    boolean networkAvailable = network;
                    for (var pair : reports) {
                        if (pair.getT1().ok()) {
                            trustReports.add(pair.getT1().map());
                        }
                        if (pair.getT2().ok() && pair.getT2().map().get("network") instanceof Map<?, ?> pooled) {
                            networkReports.add((Map<String, Object>) pooled);
                        } else {
                            networkAvailable = false;
                        }
                    }
                    return List.of(pooled(trustReports, trust != null), pooled(networkReports, networkAvailable));
                });
    }

    @SuppressWarnings("unchecked")
    static Compliance pooled(List<Map<String, Object>> reports, boolean available) {
        long measured = 0;
        long within = 0;
        long breaches = 0;
        for (Map<String, Object> report : reports) {
            breaches += number(report.get("openBreaches"));
            for (Object step : ServiceApi.listOf(report.get("steps"))) {
                Map<String, Object> figures = (Map<String, Object>) step;
                measured += number(figures.get("measured"));
                within += number(figures.get("withinTarget"));
            }
        }
        return new Compliance(measured, within, breaches, available);
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
