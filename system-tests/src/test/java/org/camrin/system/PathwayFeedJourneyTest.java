package org.camrin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camrin.infra.testing.KafkaTestServer;
import org.camrin.infra.testing.KeycloakTestServer;
import org.camrin.infra.testing.MongoTestServer;
import org.camrin.infra.testing.PostgresTestServer;
import org.camrin.infra.testing.ServiceProcess;
import org.camrin.pathway.feed.consumer.PathwayFeedConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Cancer Alliance feed end to end: a clinician signed in through Keycloak starts a lung
 * pathway through the gateway with a real NHS number, and the example consumer reads the events
 * from Kafka with a pseudonym and no NHS number. A pathway with a short target breaches.
 */
class PathwayFeedJourneyTest {

    private static final String NHS_NUMBER = "9434765919";
    private static final String SECOND_NHS_NUMBER = "4857773457";
    private static final ObjectMapper json = new ObjectMapper();

    private static KeycloakTestServer keycloak;
    private static ServiceProcess pathwayService;
    private static ServiceProcess gateway;

    @BeforeAll
    static void startPlatform() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        keycloak = KeycloakTestServer.shared();
        PostgresTestServer postgres = PostgresTestServer.shared();
        pathwayService = ServiceProcess.start(root, "pathway-service", Map.of(
                "POSTGRES_URL", postgres.url(),
                "POSTGRES_USER", postgres.username(),
                "POSTGRES_PASSWORD", postgres.password(),
                "MONGODB_URI", MongoTestServer.shared().uri(),
                "KAFKA_BOOTSTRAP_SERVERS", KafkaTestServer.shared().bootstrapServers(),
                "KEYCLOAK_URL", keycloak.url(),
                "PATHWAY_BREACH_POLL_INTERVAL", "PT1S"));
        gateway = ServiceProcess.start(root, "gateway", Map.of(
                "KEYCLOAK_URL", keycloak.url(),
                "PATHWAY_SERVICE_URL", pathwayService.url()));
    }

    @AfterAll
    static void stopPlatform() {
        if (gateway != null) {
            gateway.close();
        }
        if (pathwayService != null) {
            pathwayService.close();
        }
    }

    @Test
    void lungPathwayReachesConsumerPseudonymised() throws Exception {
        String trustAdmin = keycloak.passwordToken("trust-admin.rbl", "camrin-demo");
        String clinician = keycloak.passwordToken("clinician.rbl", "camrin-demo");
        HttpResponse<String> adopted = send("PUT", "/api/pathways/definitions/NOLCP-IMAGING/adoptions/RBL", trustAdmin,
                "{\"version\":1,\"effectiveFrom\":\"" + LocalDate.now().minusDays(1) + "\"}");
        assertThat(adopted.statusCode()).as(adopted.body()).isBetween(200, 201);

        HttpResponse<String> started = startPathway(clinician, NHS_NUMBER, "NOLCP-IMAGING");
        String pathwayId = json.readTree(started.body()).get("id").asText();
        HttpResponse<String> step = send("POST", "/api/pathways/patients/" + pathwayId + "/steps/ct-performed", clinician,
                "{\"completedAt\":\"" + Instant.now() + "\"}");
        assertThat(step.statusCode()).as(step.body()).isEqualTo(200);

        List<JsonNode> events = consume(pathwayId, List.of("PatientPathwayStarted", "StepCompleted"));

        assertThat(events).extracting(event -> event.get("type").asText())
                .contains("PatientPathwayStarted", "StepCompleted");
        JsonNode startedEvent = events.stream()
                .filter(event -> event.get("type").asText().equals("PatientPathwayStarted"))
                .findFirst().orElseThrow();
        assertThat(startedEvent.get("trust").asText()).isEqualTo("RBL");
        assertThat(startedEvent.get("payload").get("patientPseudonym").asText()).matches("[0-9a-f]{64}");
        assertThat(startedEvent.toString()).doesNotContain(NHS_NUMBER);
    }

    @Test
    void shortTargetProducesBreachEvent() throws Exception {
        String manager = keycloak.passwordToken("programme-manager.rem", "camrin-demo");
        String trustAdmin = keycloak.passwordToken("trust-admin.rbl", "camrin-demo");
        String clinician = keycloak.passwordToken("clinician.rbl", "camrin-demo");
        String code = "FAST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        HttpResponse<String> drafted = send("POST", "/api/pathways/definitions", manager,
                "{\"code\":\"" + code + "\",\"name\":\"Two-second test pathway\",\"clinicalArea\":\"Testing\","
                        + "\"steps\":[{\"key\":\"scan\",\"name\":\"Scan performed\",\"target\":\"PT2S\"}]}");
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        assertThat(send("POST", "/api/pathways/definitions/" + code + "/publication", manager, "{}").statusCode())
                .isBetween(200, 201);
        HttpResponse<String> adopted = send("PUT", "/api/pathways/definitions/" + code + "/adoptions/RBL", trustAdmin,
                "{\"version\":1,\"effectiveFrom\":\"" + LocalDate.now().minusDays(1) + "\"}");
        assertThat(adopted.statusCode()).as(adopted.body()).isBetween(200, 201);

        String pathwayId = json.readTree(startPathway(clinician, SECOND_NHS_NUMBER, code).body()).get("id").asText();

        List<JsonNode> events = consume(pathwayId, List.of("TargetBreached"));
        assertThat(events).extracting(event -> event.get("type").asText()).contains("TargetBreached");
        assertThat(events.toString()).doesNotContain(SECOND_NHS_NUMBER);
    }

    @Test
    void invalidNhsNumberRejectedAtGateway() throws Exception {
        String clinician = keycloak.passwordToken("clinician.rbl", "camrin-demo");

        HttpResponse<String> refused = send("POST", "/api/pathways/patients", clinician,
                "{\"nhsNumber\":\"9434765918\",\"pathwayCode\":\"NOLCP-IMAGING\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("nhsNumber").doesNotContain("9434765918");
    }

    private static HttpResponse<String> startPathway(String token, String nhsNumber, String code) throws Exception {
        HttpResponse<String> started = null;
        // The adoption reaches the definitions query model a moment after it is stored.
        for (int attempt = 0; attempt < 20; attempt++) {
            started = send("POST", "/api/pathways/patients", token,
                    "{\"nhsNumber\":\"" + nhsNumber + "\",\"pathwayCode\":\"" + code + "\"}");
            if (started.statusCode() == 201) {
                return started;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Pathway did not start: " + started.statusCode() + " " + started.body());
    }

    /** Runs the example consumer until the pathway's events of the given types have arrived. */
    private static List<JsonNode> consume(String pathwayId, List<String> types) throws Exception {
        StringWriter out = new StringWriter();
        PathwayFeedConsumer consumer = new PathwayFeedConsumer(PathwayFeedConsumer.kafkaConfig(
                KafkaTestServer.shared().bootstrapServers(), "journey-" + UUID.randomUUID()), true);
        long deadline = System.currentTimeMillis() + 60_000;
        consumer.consume(out, () -> System.currentTimeMillis() > deadline
                || eventsOf(out.toString(), pathwayId).stream()
                        .map(event -> event.get("type").asText()).toList().containsAll(types));
        assertThat(out.toString()).doesNotContain(NHS_NUMBER).doesNotContain(SECOND_NHS_NUMBER);
        return eventsOf(out.toString(), pathwayId);
    }

    private static List<JsonNode> eventsOf(String lines, String pathwayId) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode record = json.readTree(line);
                if (pathwayId.equals(record.path("key").asText())) {
                    events.add(record.get("event"));
                }
            } catch (Exception partialLine) {
                // The consumer may be writing this line right now.
            }
        }
        return events;
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return new GatewayClient(gateway.url()).send(method, path, token, body);
    }
}
