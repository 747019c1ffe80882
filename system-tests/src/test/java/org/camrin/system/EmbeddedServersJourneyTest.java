package org.camrin.system;

import org.camrin.infra.testing.KafkaTestServer;
import org.camrin.infra.testing.KeycloakTestServer;
import org.camrin.infra.testing.MongoTestServer;
import org.camrin.infra.testing.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;

/**
 * The programme journey on the servers the local stack uses: Keycloak unpacked from Maven
 * Central, embedded PostgreSQL 17, mongo-java-server and a Kafka broker in KRaft mode.
 */
class EmbeddedServersJourneyTest extends ProgrammeJourney {

    @BeforeAll
    static void start() {
        PostgresTestServer postgres = PostgresTestServer.shared();
        startPlatform(KeycloakTestServer.shared(), postgres.url(), postgres.username(), postgres.password(),
                MongoTestServer.shared().uri(), KafkaTestServer.shared().bootstrapServers());
    }
}
