package org.camrin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camrin.infra.testing.KeycloakTestServer;
import org.camrin.infra.testing.ServiceProcess;
import org.camrin.infra.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The programme journey end to end: tokens from a real Keycloak, the packaged programme service
 * and gateway as processes, a PostgreSQL event store, a MongoDB query store and a real Kafka
 * broker. Every call goes through the gateway. Subclasses choose where the servers run.
 */
abstract class ProgrammeJourney {

    private static final ObjectMapper json = new ObjectMapper();

    private static KeycloakTestServer keycloak;
    private static String kafkaBootstrapServers;
    private static ServiceProcess programmeService;
    private static ServiceProcess gateway;

    /**
     * Starts the packaged programme service and gateway as processes against the given servers.
     *
     * @param postgresUrl JDBC URL of the PostgreSQL server without a database
     */
    static void startPlatform(KeycloakTestServer keycloakServer, String postgresUrl, String postgresUser,
            String postgresPassword, String mongoUri, String kafka) {
        Path root = Path.of("..").toAbsolutePath().normalize();
        keycloak = keycloakServer;
        kafkaBootstrapServers = kafka;
        Map<String, String> environment = Map.of(
                "POSTGRES_URL", postgresUrl,
                "POSTGRES_USER", postgresUser,
                "POSTGRES_PASSWORD", postgresPassword,
                "MONGODB_URI", mongoUri,
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "KEYCLOAK_URL", keycloak.url());
        programmeService = ServiceProcess.start(root, "programme-service", environment);
        gateway = ServiceProcess.start(root, "gateway", Map.of(
                "KEYCLOAK_URL", keycloak.url(),
                "PROGRAMME_SERVICE_URL", programmeService.url()));
    }

    @AfterAll
    static void stopPlatform() {
        if (gateway != null) {
            gateway.close();
        }
        if (programmeService != null) {
            programmeService.close();
        }
    }

    @Test
    void projectLifecycleThroughGateway() throws Exception {
        String manager = keycloak.passwordToken("programme-manager.rem", "camrin-demo");

        HttpResponse<String> created = send("POST", "/api/programmes/data/projects", manager,
                "{\"title\":\"Capacity and demand tool\",\"leadTrust\":\"REM\",\"participatingTrusts\":[\"RBL\",\"RJR\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String projectId = json.readTree(created.body()).get("id").asText();

        HttpResponse<String> approved = send("POST", "/api/projects/" + projectId + "/status", manager,
                "{\"status\":\"APPROVED\",\"reason\":\"Approved by the programme board\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        HttpResponse<String> read = send("GET", "/api/projects/" + projectId, manager, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json.readTree(read.body()).get("status").asText()).isEqualTo("APPROVED");

        HttpResponse<String> history = send("GET", "/api/projects/" + projectId + "/history", manager, null);
        JsonNode entries = json.readTree(history.body());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("username").asText()).isEqualTo("programme-manager.rem");
        assertThat(entries.get(0).get("trust").asText()).isEqualTo("REM");
        assertThat(entries.get(1).get("type").asText()).isEqualTo("ProjectStatusChanged");

        List<JsonNode> published = TopicReader.valuesWithKey(kafkaBootstrapServers, "camrin.programme.events", projectId, 2,
                Duration.ofSeconds(60));
        assertThat(published).extracting(event -> event.get("type").asText())
                .containsExactly("ProjectCreated", "ProjectStatusChanged");
        assertThat(published.get(0).get("trust").asText()).isEqualTo("REM");
    }

    @Test
    void readerGets403OnCreate() throws Exception {
        String clinician = keycloak.passwordToken("clinician.rbl", "camrin-demo");

        HttpResponse<String> refused = send("POST", "/api/programmes/data/projects", clinician,
                "{\"title\":\"Not allowed\",\"leadTrust\":\"RBL\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        HttpResponse<String> readable = send("GET", "/api/programmes", clinician, null);
        assertThat(readable.statusCode()).isEqualTo(200);
    }

    @Test
    void illegalStatusMoveGets409Problem() throws Exception {
        String manager = keycloak.passwordToken("programme-manager.rem", "camrin-demo");
        HttpResponse<String> created = send("POST", "/api/programmes/workforce/projects", manager,
                "{\"title\":\"Reporting radiographers\",\"leadTrust\":\"RBL\"}");
        String projectId = json.readTree(created.body()).get("id").asText();

        HttpResponse<String> refused = send("POST", "/api/projects/" + projectId + "/status", manager,
                "{\"status\":\"COMPLETED\"}");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).get("detail").asText()).contains("PROPOSED");
    }

    @Test
    void missingAndForgedTokensGet401() throws Exception {
        assertThat(send("GET", "/api/programmes", null, null).statusCode()).isEqualTo(401);

        String token = keycloak.passwordToken("clinician.rbl", "camrin-demo");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        assertThat(send("GET", "/api/programmes", forged, null).statusCode()).isEqualTo(401);
    }

    @Test
    void partnerClientReadsProgrammes() throws Exception {
        String partner = keycloak.clientCredentialsToken("partner-system", "partner-system-dev-secret");

        HttpResponse<String> programmes = send("GET", "/api/programmes", partner, null);

        assertThat(programmes.statusCode()).isEqualTo(200);
        assertThat(json.readTree(programmes.body())).hasSize(5);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return new GatewayClient(gateway.url()).send(method, path, token, body);
    }
}
