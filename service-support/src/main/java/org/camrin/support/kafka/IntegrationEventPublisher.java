package org.camrin.support.kafka;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

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

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper objectMapper;
    private final long acknowledgementTimeoutMillis;

    public IntegrationEventPublisher(String bootstrapServers, String clientId, ObjectMapper objectMapper,
            long acknowledgementTimeoutMillis) {
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
