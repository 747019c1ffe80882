package org.camrin.programme.project.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camrin.infra.testing.TestUsers.programmeManager;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.camrin.infra.stack.LocalKafka;
import org.camrin.infra.testing.MongoTestServer;
import org.camrin.infra.testing.PostgresTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Projects created while Kafka is down reach the topic once a broker starts: the publishing
 * processor keeps its position and retries, so nothing is lost and nothing is sent twice.
 */
@SpringBootTest(properties = "camrin.kafka.acknowledgement-timeout=2s")
@AutoConfigureMockMvc
class BrokerOutageTest {

    private static final int BROKER_PORT = freePort();
    private static final int CONTROLLER_PORT = freePort();
    private static LocalKafka broker;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        PostgresTestServer postgres = PostgresTestServer.shared();
        registry.add("camrin.postgres.url", postgres::url);
        registry.add("camrin.postgres.username", postgres::username);
        registry.add("camrin.postgres.password", postgres::password);
        registry.add("camrin.postgres.database", () -> "programme_outage_test");
        registry.add("spring.data.mongodb.uri", () -> MongoTestServer.shared().uri());
        registry.add("spring.data.mongodb.database", () -> "programme_outage_test");
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + BROKER_PORT);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void eventsStoredDuringOutageArriveOnce() throws Exception {
        List<String> projectIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String response = mvc.perform(post("/api/programmes/digital-delivery/projects").with(programmeManager())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"title\":\"AI triage evaluation " + i + "\",\"leadTrust\":\"REM\"}"))
                    .andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString();
            projectIds.add(json.readTree(response).get("id").asText());
        }
        // Let the publisher fail against the missing broker at least once.
        Thread.sleep(3_000);

        broker = LocalKafka.start(BROKER_PORT, CONTROLLER_PORT, Files.createTempDirectory("outage-kafka"));

        List<String> delivered = consumeKeys(projectIds.size());
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(projectIds);
    }

    private static List<String> consumeKeys(int expected) throws InterruptedException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + BROKER_PORT);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(ProjectIntegrationEvent.TOPIC));
            long deadline = System.currentTimeMillis() + 150_000;
            while (System.currentTimeMillis() < deadline && keys.size() < expected) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                }
            }
            // Keep polling briefly so a duplicate sent after the expected count would show up.
            long settle = System.currentTimeMillis() + 3_000;
            while (System.currentTimeMillis() < settle) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
