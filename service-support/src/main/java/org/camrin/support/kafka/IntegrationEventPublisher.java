package org.camrin.support.kafka;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a service's public integration events to Kafka as JSON and waits for the broker's
 * acknowledgement.
 *
 * <p>Callers are event handlers of a streaming processor reading the event store. Because
 * {@link #publish} throws when the broker does not acknowledge, the processor keeps its token and
 * retries, so a broker outage delays events and loses none. A retry can send an event twice;
 * consumers drop repeats by the envelope's event id.
 */
public class IntegrationEventPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventPublisher.class);

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper objectMapper;
    private final long acknowledgementTimeoutMillis;
    private final Properties adminConfig = new Properties();
    private final int partitions;
    private final short replicationFactor;
    private final Set<String> topicsEnsured = ConcurrentHashMap.newKeySet();

    /**
     * @param partitions        partitions of a topic this publisher creates because it is missing
     * @param replicationFactor replicas of such a topic; 1 suits a single local broker only
     */
    public IntegrationEventPublisher(String bootstrapServers, String clientId, ObjectMapper objectMapper,
            long acknowledgementTimeoutMillis, int partitions, short replicationFactor) {
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) acknowledgementTimeoutMillis);
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) acknowledgementTimeoutMillis);
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;

        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, acknowledgementTimeoutMillis);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(acknowledgementTimeoutMillis, 30_000));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(acknowledgementTimeoutMillis, 30_000));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.producer = new KafkaProducer<>(config);
        this.objectMapper = objectMapper;
        this.acknowledgementTimeoutMillis = acknowledgementTimeoutMillis;
    }

    /**
     * Sends one event keyed by its aggregate id, so all events of one aggregate land on one
     * partition in order, and waits until the broker has stored it.
     *
     * @throws IntegrationEventNotPublishedException when the broker does not acknowledge in time
     */
    public RecordMetadata publish(String topic, String key, Object event) {
        ensureTopic(topic);
        String json;
        try {
            json = objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException error) {
            throw new IllegalArgumentException("Event for topic " + topic + " cannot be written as JSON", error);
        }
        try {
            return producer.send(new ProducerRecord<>(topic, key, json))
                    .get(acknowledgementTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IntegrationEventNotPublishedException(topic, key, interrupted);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException error) {
            throw new IntegrationEventNotPublishedException(topic, key, error);
        }
    }

    /**
     * Creates the topic on first use when the broker does not have it, because brokers in
     * production usually refuse to create topics on demand.
     */
    private void ensureTopic(String topic) {
        if (topicsEnsured.contains(topic)) {
            return;
        }
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor)))
                    .all().get(acknowledgementTimeoutMillis, TimeUnit.MILLISECONDS);
            log.info("Created Kafka topic {} with {} partitions", topic, partitions);
        } catch (ExecutionException error) {
            if (!(error.getCause() instanceof TopicExistsException)) {
                throw new IntegrationEventNotPublishedException(topic, "(topic creation)", error.getCause());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IntegrationEventNotPublishedException(topic, "(topic creation)", interrupted);
        } catch (TimeoutException | org.apache.kafka.common.KafkaException error) {
            throw new IntegrationEventNotPublishedException(topic, "(topic creation)", error);
        }
        topicsEnsured.add(topic);
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The broker did not acknowledge an event; the sending processor retries it. */
    public static class IntegrationEventNotPublishedException extends RuntimeException {

        IntegrationEventNotPublishedException(String topic, String key, Throwable cause) {
            super("Kafka did not acknowledge the event with key " + key + " on topic " + topic + ": "
                    + cause.getMessage(), cause);
        }
    }
}
