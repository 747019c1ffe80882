package org.camrin.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

    private static final String TOPIC = "camrin.restart-check";

    @TempDir
    Path dataDirectory;

    @Test
    void keepsTopicsAcrossRestart() throws Exception {
        int port = Ports.findFree();
        int controllerPort = Ports.findFree();
        String firstClusterId;

        try (LocalKafka kafka = LocalKafka.start(port, controllerPort, dataDirectory)) {
            firstClusterId = kafka.clusterId();
            try (Admin admin = admin(kafka)) {
                DescribeClusterResult cluster = admin.describeCluster();
                Collection<Node> nodes = cluster.nodes().get(30, TimeUnit.SECONDS);
                assertThat(nodes).extracting(Node::id).containsExactly(1);
                assertThat(cluster.clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(firstClusterId);
            }
            // Producing to an unknown topic creates it with num.partitions.
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                producer.send(new ProducerRecord<>(TOPIC, "key", "value")).get(30, TimeUnit.SECONDS);
            }
            try (Admin admin = admin(kafka)) {
                TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(TOPIC);
                assertThat(topic.partitions()).hasSize(3);
            }
        }

        try (LocalKafka kafka = LocalKafka.start(port, controllerPort, dataDirectory);
             Admin admin = admin(kafka)) {
            assertThat(kafka.clusterId()).isEqualTo(firstClusterId);
            assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(firstClusterId);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(TOPIC);
        }
    }

    @Test
    void rejectsPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> LocalKafka.start(port, Ports.findFree(), dataDirectory))
                    .isInstanceOf(StackStartException.class)
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void rejectsSamePortForClientsAndController() {
        int port = Ports.findFree();

        assertThatThrownBy(() -> LocalKafka.start(port, port, dataDirectory))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("both " + port);
    }

    private static Admin admin(LocalKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(LocalKafka kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new StringSerializer(), new StringSerializer());
    }
}
