package org.camrin.support.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The Kafka producer that publishes a service's integration events. */
@AutoConfiguration
public class KafkaPublishingAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    IntegrationEventPublisher integrationEventPublisher(
            @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
            @Value("${spring.application.name:camrin-service}") String applicationName,
            @Value("${camrin.kafka.acknowledgement-timeout:10s}") java.time.Duration acknowledgementTimeout,
            @Value("${camrin.kafka.topic-partitions:3}") int partitions,
            @Value("${camrin.kafka.topic-replication-factor:1}") short replicationFactor,
            ObjectMapper objectMapper) {
        return new IntegrationEventPublisher(bootstrapServers, applicationName, objectMapper,
                acknowledgementTimeout.toMillis(), partitions, replicationFactor);
    }
}
