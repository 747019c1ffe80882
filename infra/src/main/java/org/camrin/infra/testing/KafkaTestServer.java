package org.camrin.infra.testing;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode for tests, on a free port, started once per test JVM.
 *
 * <p>Where the environment sets {@code KAFKA_BOOTSTRAP_SERVERS}, tests use that broker instead.
 */
public final class KafkaTestServer {

    private static KafkaTestServer shared;

    private final String bootstrapServers;
    private final EmbeddedKafkaKraftBroker broker;

    private KafkaTestServer(String bootstrapServers, EmbeddedKafkaKraftBroker broker) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
    }

    public static synchronized KafkaTestServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static KafkaTestServer start() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return new KafkaTestServer(external, null);
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-test-server-stop"));
        return new KafkaTestServer(broker.getBrokersAsString(), broker);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether the broker runs in this JVM, so a test may stop it to simulate an outage. */
    public boolean embedded() {
        return broker != null;
    }
}
