package org.camrin.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camrin.identity.realm.RealmFiles;
import org.camrin.infra.testing.KeycloakTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The programme journey on the official images of PostgreSQL, MongoDB, Kafka and Keycloak, for
 * machines with a Docker engine. Without one it is reported as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersJourneyTest extends ProgrammeJourney {

    private static final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17");
    private static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
    private static final KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
    private static GenericContainer<?> keycloak;

    @BeforeAll
    static void start() throws IOException {
        Path realm = Files.createTempFile("camrin-realm-", ".json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(realm.toFile(), RealmFiles.development());
        keycloak = new GenericContainer<>("quay.io/keycloak/keycloak:" + KeycloakTestServer.KEYCLOAK_VERSION)
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                .withCopyFileToContainer(MountableFile.forHostPath(realm), "/opt/keycloak/data/import/camrin-realm.json")
                .withCommand("start-dev", "--import-realm")
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/realms/camrin/.well-known/openid-configuration")
                        .withStartupTimeout(Duration.ofMinutes(5)));

        postgres.start();
        mongo.start();
        kafka.start();
        keycloak.start();

        String postgresUrl = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getFirstMappedPort();
        String keycloakUrl = "http://localhost:" + keycloak.getMappedPort(8080);
        startPlatform(KeycloakTestServer.external(keycloakUrl), postgresUrl, postgres.getUsername(),
                postgres.getPassword(), mongo.getConnectionString() + "/?directConnection=true",
                kafka.getBootstrapServers());
    }

    @AfterAll
    static void stopContainers() {
        if (keycloak != null) {
            keycloak.stop();
        }
        kafka.stop();
        mongo.stop();
        postgres.stop();
    }

}
