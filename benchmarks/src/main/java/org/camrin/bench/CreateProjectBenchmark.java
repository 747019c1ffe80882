package org.camrin.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camrin.programme.project.integration.ProjectIntegrationEvent;

/**
 * Sends create-project commands through the service and measures how fast they are stored and how
 * fast their public events reach Kafka; then writes the same stored rows with plain JDBC and the
 * same Kafka records with a plain producer, for comparison.
 */
final class CreateProjectBenchmark {

    static final String RAW_TOPIC = "bench.raw.programme.events";
    private static final int PARTITIONS = 3;
    private static final int JDBC_BATCH = 500;
    private static final Duration KAFKA_WAIT = Duration.ofMinutes(10);

    /** Rates in events a second, and the projects created, for the later measures. */
    record Result(double commandsPerSecond, double rawInsertPerSecond, double rawBatchPerSecond,
            double kafkaPerSecond, double rawProducerAckedPerSecond, double rawProducerBatchedPerSecond,
            List<UUID> projectIds, String aggregateType) {
    }

    private final ServiceUnderTest service;
    private final Phases phases;

    CreateProjectBenchmark(ServiceUnderTest service, Phases phases) {
        this.service = service;
        this.phases = phases;
    }

    Result run(int count) throws Exception {
        createTopics();
        long headBefore;
        try (Connection connection = service.dataSource().getConnection()) {
            headBefore = EventTable.head(connection);
        }

        RecordCounter counter = new RecordCounter(service.kafkaBootstrapServers, count);
        counter.start();

        List<UUID> projectIds = new ArrayList<>(count);
        CommandGateway gateway = service.commandGateway();
        Progress progress = new Progress("create-project commands", count);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            var command = ProjectEventFactory.createCommand(i);
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(ProjectEventFactory.commandMetaData(i)));
            projectIds.add(command.projectId().value());
            progress.update(i + 1);
        }
        long commandsDone = System.nanoTime();
        phases.record("create-project commands", started, commandsDone);

        List<ConsumerRecord<String, String>> published = counter.await(KAFKA_WAIT);
        long lastSeen = counter.lastSeenNanos();
        phases.record("events reaching Kafka", started, lastSeen);

        List<StoredEvent> stored;
        try (Connection connection = service.dataSource().getConnection()) {
            stored = EventTable.readAfter(connection, headBefore);
        }
        if (stored.size() != count) {
            throw new IllegalStateException("Expected " + count + " stored events after the commands, found "
                    + stored.size() + ".");
        }

        double rawInsert = rawInserts(stored, false);
        double rawBatch = rawInserts(stored, true);
        double rawAcked = rawProducer(published, true);
        double rawBatched = rawProducer(published, false);

        return new Result(rate(count, started, commandsDone), rawInsert, rawBatch, rate(count, started, lastSeen),
                rawAcked, rawBatched, projectIds, stored.get(0).type());
    }

    /**
     * Inserts the same rows into a scratch table of the same shape in another database on the same
     * server: one row per transaction, or batches of {@value #JDBC_BATCH} rows per transaction.
     */
    private double rawInserts(List<StoredEvent> events, boolean batched) throws SQLException {
        String phase = batched ? "raw JDBC batched inserts" : "raw JDBC inserts, one per transaction";
        try (Connection connection = service.connect(ServiceUnderTest.RAW_DATABASE + "?reWriteBatchedInserts=true")) {
            EventTable.create(connection);
            EventTable.truncate(connection);
            connection.setAutoCommit(!batched);

            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(EventTable.INSERT)) {
                int pending = 0;
                for (StoredEvent event : events) {
                    EventTable.bind(insert, event);
                    if (!batched) {
                        insert.executeUpdate();
                        continue;
                    }
                    insert.addBatch();
                    if (++pending == JDBC_BATCH) {
                        insert.executeBatch();
                        connection.commit();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            long done = System.nanoTime();
            phases.record(phase, started, done);
            return rate(events.size(), started, done);
        }
    }

    /**
     * Sends the records the service published, unchanged, to a scratch topic with the producer
     * settings of the service's publisher (acks=all, idempotence on): waiting for each
     * acknowledgement as the service does, or sending all and waiting once at the end.
     */
    private double rawProducer(List<ConsumerRecord<String, String>> records, boolean waitForEach)
            throws InterruptedException, ExecutionException, TimeoutException {
        String phase = waitForEach ? "raw producer, waiting for each ack" : "raw producer, batched";
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, service.kafkaBootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            // The first send fetches metadata; keep that out of the timing.
            producer.send(new ProducerRecord<>(RAW_TOPIC, "warm-up", "{}")).get(30, TimeUnit.SECONDS);

            AtomicReference<Exception> failure = new AtomicReference<>();
            long started = System.nanoTime();
            for (ConsumerRecord<String, String> record : records) {
                var sent = producer.send(new ProducerRecord<>(RAW_TOPIC, record.key(), record.value()),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
                if (waitForEach) {
                    sent.get(30, TimeUnit.SECONDS);
                }
            }
            producer.flush();
            long done = System.nanoTime();
            if (failure.get() != null) {
                throw new IllegalStateException("A raw producer send failed", failure.get());
            }
            phases.record(phase, started, done);
            return rate(records.size(), started, done);
        }
    }

    private void createTopics() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                service.kafkaBootstrapServers))) {
            for (String topic : List.of(ProjectIntegrationEvent.TOPIC, RAW_TOPIC)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
                } catch (ExecutionException exists) {
                    if (!(exists.getCause() instanceof TopicExistsException)) {
                        throw exists;
                    }
                }
            }
        }
    }

    static double rate(long count, long startedNanos, long doneNanos) {
        return count / Math.max(1e-9, (doneNanos - startedNanos) / 1e9);
    }

    /**
     * Reads the service's topic from its current end on a thread of its own, and notes when the
     * expected number of records has arrived.
     */
    private static final class RecordCounter {

        private final KafkaConsumer<String, String> consumer;
        private final int expected;
        private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
        private final Thread thread;
        private volatile long lastSeenNanos;
        private volatile Exception failure;

        RecordCounter(String bootstrapServers, int expected) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            this.consumer = new KafkaConsumer<>(config);
            this.expected = expected;

            List<TopicPartition> partitions = consumer.partitionsFor(ProjectIntegrationEvent.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // Resolve the end offsets now, so records sent from here on are all counted.
            partitions.forEach(consumer::position);
            this.thread = new Thread(this::poll, "kafka-record-counter");
        }

        void start() {
            thread.start();
        }

        private void poll() {
            try (consumer) {
                long deadline = System.nanoTime() + KAFKA_WAIT.toNanos();
                while (records.size() < expected && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        records.add(record);
                        lastSeenNanos = System.nanoTime();
                    }
                }
            } catch (Exception error) {
                failure = error;
            }
        }

        List<ConsumerRecord<String, String>> await(Duration timeout) throws InterruptedException {
            thread.join(timeout.toMillis() + 5_000);
            if (failure != null) {
                throw new IllegalStateException("Reading " + ProjectIntegrationEvent.TOPIC + " failed", failure);
            }
            if (records.size() < expected) {
                throw new IllegalStateException("Only " + records.size() + " of " + expected + " events reached "
                        + ProjectIntegrationEvent.TOPIC + " within " + timeout.toMinutes() + " minutes.");
            }
            return records;
        }

        long lastSeenNanos() {
            return lastSeenNanos;
        }
    }
}
