package org.camrin.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every portal page rendered for a signed-in person, with one HTTP server standing in for the
 * four services and returning a fixed JSON body for each API path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalPagesTest {

    private static final AtomicReference<String> seenAuthorization = new AtomicReference<>();
    private static final HttpServer services = startServices();

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        String url = "http://localhost:" + services.getAddress().getPort();
        for (String name : new String[] {"PROGRAMME", "PATHWAY", "WORKFORCE", "DATA"}) {
            registry.add(name + "_SERVICE_URL", () -> url);
        }
    }

    @Autowired
    ApplicationContext context;

    WebTestClient client;

    @BeforeEach
    void bind() {
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @AfterAll
    static void stop() {
        services.stop(0);
    }

    @Test
    void homeShowsPersonAndGlance() {
        String page = page(manager(), "/");

        assertThat(page).doesNotContain("offline_access");
        assertThat(page).contains("Welcome, Paul Molyneux").contains("programme-manager").contains("REM")
                .contains("does not meet the standard").contains("12.5%");
        assertThat(seenAuthorization.get()).isEqualTo("Bearer access-token");
    }

    @Test
    void everyPageRenders() {
        for (String path : new String[] {"/programmes", "/programmes/data", "/programmes/data/projects/new",
                "/projects/p1", "/capacity", "/capacity?area=NETWORK", "/capacity/scenario",
                "/capacity/scenario?run=true&area=REM&months=3", "/capacity/imports/i1",
                "/pathways", "/pathways/definitions/FDS-28", "/pathways/patients/p2", "/workforce",
                "/workforce?trust=REM"}) {
            assertThat(page(manager(), path)).as(path).contains("</html>");
        }
    }

    @Test
    void importFormOnlyForImporters() {
        OidcLoginMutator analyst = mockOidcLogin()
                .idToken(token -> token.claim("name", "Dev Anand").claim("trust", "REM").claim("preferred_username", "data-analyst.rem"))
                .authorities(new SimpleGrantedAuthority("ROLE_data-analyst"));

        assertThat(page(analyst, "/capacity/imports/new")).contains("enctype=\"multipart/form-data\"").contains("name=\"_csrf\"");
        client.mutateWith(manager()).get().uri("/capacity/imports/new").exchange().expectStatus().isForbidden();
    }

    @Test
    void projectPageShowsRagInWords() {
        String page = page(manager(), "/projects/p1");

        assertThat(page).contains("Amber").contains("Waiting for sign-off").contains("programme-manager.rem")
                .contains("Project RAG rated");
    }

    @Test
    void serviceFieldErrorShownBesideField() {
        String page = client.mutateWith(manager()).mutateWith(csrf())
                .post().uri("/programmes/data/projects")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("title=&leadTrust=REM")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("nhsuk-error-summary").contains("id=\"title-error\"")
                .contains("Send a title of 1 to 200 characters.");
    }

    @Test
    void readerSeesNoCreateAction() {
        OidcLoginMutator clinician = mockOidcLogin()
                .idToken(token -> token.claim("name", "Chloe Lloyd").claim("trust", "RBL").claim("preferred_username", "clinician.rbl"))
                .authorities(new SimpleGrantedAuthority("ROLE_clinician"));

        assertThat(page(clinician, "/programmes/data")).doesNotContain("Create a project");
        client.mutateWith(clinician).get().uri("/programmes/data/projects/new").exchange().expectStatus().isForbidden();
    }

    @Test
    void formPostWithoutCsrfGets403() {
        client.mutateWith(manager())
                .post().uri("/programmes/data/projects")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("title=Forged&leadTrust=REM")
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void pageWithoutSessionRedirectsToSignIn() {
        client.get().uri("/programmes").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals("Location", "/oauth2/authorization/keycloak");
    }

    private String page(OidcLoginMutator user, String path) {
        var result = client.mutateWith(user).get().uri(path).exchange().expectBody(String.class).returnResult();
        assertThat(result.getStatus().value()).as(path + ": " + result.getResponseBody()).isEqualTo(200);
        return result.getResponseBody();
    }

    private static OidcLoginMutator manager() {
        return mockOidcLogin()
                .idToken(token -> token.claim("name", "Paul Molyneux").claim("trust", "REM")
                        .claim("preferred_username", "programme-manager.rem"))
                .authorities(new SimpleGrantedAuthority("ROLE_programme-manager"),
                        new SimpleGrantedAuthority("ROLE_offline_access"));
    }

    private static final Map<String, String> ANSWERS = Map.ofEntries(
            Map.entry("/api/programmes", "[{\"id\":\"data\",\"name\":\"Data\",\"description\":\"Data work\",\"projectCount\":1}]"),
            Map.entry("/api/programmes/data", "{\"id\":\"data\",\"name\":\"Data\",\"description\":\"Data work\",\"projectCount\":1}"),
            Map.entry("/api/programmes/data/projects", "[{\"projectId\":\"p1\",\"title\":\"Dashboard\",\"leadTrust\":\"REM\","
                    + "\"status\":\"PROPOSED\",\"rag\":\"AMBER\",\"updatedAt\":\"2026-01-05T10:00:00Z\"}]"),
            Map.entry("/api/projects/p1", "{\"id\":\"p1\",\"programmeId\":\"data\",\"title\":\"Dashboard\",\"summary\":null,"
                    + "\"leadTrust\":\"REM\",\"participatingTrusts\":[\"REM\",\"RBL\"],\"status\":\"PROPOSED\","
                    + "\"rag\":{\"rating\":\"AMBER\",\"reason\":\"Waiting for sign-off\",\"ratedAt\":\"2026-01-05T10:00:00Z\","
                    + "\"ratedBy\":\"programme-manager.rem\"},\"milestones\":[{\"milestoneId\":\"m1\",\"title\":\"Pilot\","
                    + "\"dueDate\":\"2026-03-01\",\"completedOn\":null,\"daysLate\":0}],\"createdAt\":\"2026-01-05T09:00:00Z\","
                    + "\"createdBy\":\"programme-manager.rem\",\"createdByTrust\":\"REM\"}"),
            Map.entry("/api/projects/p1/history", "[{\"sequence\":0,\"type\":\"ProjectCreated\",\"occurredAt\":\"2026-01-05T09:00:00Z\","
                    + "\"username\":\"programme-manager.rem\",\"trust\":\"REM\"},{\"sequence\":1,\"type\":\"ProjectRagRated\","
                    + "\"occurredAt\":\"2026-01-05T10:00:00Z\",\"username\":\"programme-manager.rem\",\"trust\":\"REM\"}]"),
            Map.entry("/api/data/waiting-list", "{\"period\":\"2020-12\",\"trusts\":[" + figures("REM", "2020-12") + "],\"network\":"
                    + figures("NETWORK", "2020-12") + "}"),
            Map.entry("/api/data/waiting-list/REM", "{\"odsCode\":\"REM\",\"name\":\"Liverpool\",\"months\":[" + figures("REM", "2020-11")
                    + "," + figures("REM", "2020-12") + "]}"),
            Map.entry("/api/data/waiting-list/NETWORK", "{\"odsCode\":\"NETWORK\",\"name\":\"Network\",\"months\":["
                    + figures("NETWORK", "2020-11") + "," + figures("NETWORK", "2020-12") + "]}"),
            Map.entry("/api/data/planning/projection", "{\"assumptions\":[\"Demand grows\"],\"baseline\":{\"waitingList\":1000},"
                    + "\"months\":[{\"period\":\"2021-01\",\"waitingList\":990,\"demand\":100,\"capacity\":110}]}"),
            Map.entry("/api/data/imports/i1", "{\"importId\":\"i1\",\"fileName\":\"bad.csv\",\"format\":\"PROVIDER_TOTAL_WAITING_LIST\","
                    + "\"status\":\"REJECTED\",\"percent\":100,\"rowsRead\":1,\"rowsAccepted\":0,\"rowsRejected\":1,"
                    + "\"rowsOutsideNetwork\":0,\"periods\":[],\"message\":\"Rejected\",\"page\":1,\"pages\":1,"
                    + "\"rejectedRows\":[{\"line\":2,\"reason\":\"not a number\",\"fatal\":true}]}"),
            Map.entry("/api/pathways/definitions", "[{\"code\":\"FDS-28\",\"name\":\"Faster diagnosis\",\"clinicalArea\":\"Cancer\","
                    + "\"latestVersion\":1,\"latestStatus\":\"PUBLISHED\"}]"),
            Map.entry("/api/pathways/definitions/FDS-28", "{\"code\":\"FDS-28\",\"versions\":{\"1\":{\"version\":1,\"status\":\"PUBLISHED\","
                    + "\"name\":\"Faster diagnosis\",\"steps\":[{\"key\":\"diagnosis\",\"name\":\"Diagnosis\",\"target\":\"P28D\"}],"
                    + "\"standards\":[\"FDS\"]}},\"adoptions\":{\"REM\":[{\"version\":1,\"effectiveFrom\":\"2026-01-01\","
                    + "\"adoptedBy\":\"trust-admin.rem\"}]}}"),
            Map.entry("/api/pathways/compliance/FDS-28/versions/1", "{\"network\":" + compliance("NETWORK") + ",\"trusts\":["
                    + compliance("REM") + "]}"),
            Map.entry("/api/pathways/compliance/FDS-28/versions/1/trusts/REM", compliance("REM")),
            Map.entry("/api/pathways/patients/p2", "{\"id\":\"p2\",\"trust\":\"RBL\",\"pathwayCode\":\"FDS-28\",\"pathwayVersion\":1,"
                    + "\"status\":\"OPEN\",\"startedAt\":\"2026-01-05T09:00:00Z\",\"steps\":[{\"key\":\"diagnosis\",\"name\":\"Diagnosis\","
                    + "\"dueAt\":\"2026-02-02T09:00:00Z\"}]}"),
            Map.entry("/api/workforce/network/figures", "{\"month\":\"2026-01\",\"network\":" + workforce() + ",\"trusts\":{\"REM\":"
                    + workforce() + "},\"staffGroups\":{\"radiologists\":" + workforce() + "}}"),
            Map.entry("/api/workforce/trusts/REM/figures", "{\"trust\":\"REM\",\"month\":\"2026-01\",\"total\":" + workforce()
                    + ",\"staffGroups\":{\"radiologists\":" + workforce() + "}}"),
            Map.entry("/api/workforce/staff-groups", "[{\"id\":\"radiologists\",\"name\":\"Radiologists\"}]"),
            Map.entry("/api/workforce/initiatives", "[{\"id\":\"i1\",\"title\":\"Reporting radiographers\",\"theme\":\"NEW_ROLES\","
                    + "\"status\":\"PLANNED\",\"trusts\":[\"REM\"],\"plannedWteEffect\":2.5}]"));

    private static String figures(String code, String period) {
        return "{\"odsCode\":\"" + code + "\",\"name\":\"" + code + "\",\"period\":\"" + period + "\",\"totalWaitingList\":1000,"
                + "\"waiting6PlusWeeks\":125,\"share6PlusWeeks\":0.125,\"standardShare\":0.01,\"meetsStandard\":false}";
    }

    private static String compliance(String trust) {
        return "{\"trust\":\"" + trust + "\",\"pathwayCode\":\"FDS-28\",\"pathwayVersion\":1,\"openBreaches\":1,\"steps\":[{\"stepKey\":"
                + "\"diagnosis\",\"name\":\"Diagnosis\",\"measured\":4,\"withinTarget\":3,\"shareWithinTarget\":0.75,\"openBreaches\":1}]}";
    }

    private static String workforce() {
        return "{\"establishmentWte\":100,\"staffInPostWte\":90,\"vacancyWte\":10,\"vacancyRate\":10.0,\"recordsIncluded\":1}";
    }

    private static HttpServer startServices() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                seenAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                String path = exchange.getRequestURI().getPath();
                String body = ANSWERS.get(path);
                int status = 200;
                if ("POST".equals(exchange.getRequestMethod()) && path.equals("/api/programmes/data/projects")) {
                    status = 400;
                    body = "{\"status\":400,\"detail\":\"Invalid request\",\"errors\":[{\"field\":\"title\","
                            + "\"detail\":\"Send a title of 1 to 200 characters.\"}]}";
                } else if (body == null) {
                    status = 404;
                    body = "{\"status\":404,\"detail\":\"Nothing at " + path + "\"}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException failure) {
            throw new IllegalStateException("Stand-in services did not start", failure);
        }
    }
}
