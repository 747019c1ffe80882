package org.camrin.infra.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot service test at real servers: PostgreSQL for the event store, the
 * MongoDB-compatible server for query models and tokens, and a Kafka broker. Each server starts
 * once per test JVM on a free port.
 *
 * <pre>
 * &#64;DynamicPropertySource
 * static void servers(DynamicPropertyRegistry registry) {
 *     TestServers.register(registry, "programme");
 * }
 * </pre>
 */
public final class TestServers {

    private TestServers() {
    }

    /**
     * Registers the connection properties for a service whose PostgreSQL and MongoDB databases
     * are both called {@code database}.
     */
    public static void register(DynamicPropertyRegistry registry, String database) {
        PostgresTestServer postgres = PostgresTestServer.shared();
        MongoTestServer mongo = MongoTestServer.shared();
        KafkaTestServer kafka = KafkaTestServer.shared();

        registry.add("camrin.postgres.url", postgres::url);
        registry.add("camrin.postgres.username", postgres::username);
        registry.add("camrin.postgres.password", postgres::password);
        registry.add("camrin.postgres.database", () -> database);
        registry.add("spring.data.mongodb.uri", mongo::uri);
        registry.add("spring.data.mongodb.database", () -> database);
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
    }
}
