package org.camrin.support.axon;



import com.mongodb.client.MongoClient;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.camrin.identity.security.CommandMetadataInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;

/**
 * Axon storage for every CAMRIN service: events in the service's PostgreSQL database through
 * Axon's JDBC storage engine, tracking tokens and sagas in MongoDB beside the query models.
 *
 * <p>Events stay in PostgreSQL because tracking processors read the event store by global
 * sequence ranges, which PostgreSQL serves from an index, while the MongoDB-compatible server
 * used locally scans a whole collection for every range query.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class})
public class AxonStorageAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AxonStorageAutoConfiguration.class);

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient mongoClient, MongoProperties mongoProperties) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(mongoClient, mongoProperties.getMongoClientDatabase())
                .build();
    }

    /** Replaces Spring Boot's MongoDB health indicator, which the local MongoDB-compatible server does not implement. */
    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(org.springframework.data.mongodb.core.MongoTemplate mongoTemplate) {
        return new MongoPingHealthIndicator(mongoTemplate);
    }

    @Bean
    AggregateHistory aggregateHistory(org.axonframework.eventsourcing.eventstore.EventStore eventStore) {
        return new AggregateHistory(eventStore);
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        MongoTokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
        // The unique index on processor name and segment stops two instances, or one instance
        // after a restart, from holding duplicate tokens that would replay events twice.
        tokenStore.ensureIndexes();
        return tokenStore;
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }

    /**
     * Copies the command's correlation id, actor and trust onto every event it causes, so each
     * stored event records who acted, for which trust, and which request started it.
     */
    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(CommandMetadataInterceptor.KEYS.toArray(String[]::new));
    }

    /**
     * Records on each event the id of the message that caused it ({@code causationId}) and of the
     * first message of the chain ({@code traceId}). Axon's default key for the cause is
     * {@code correlationId}, which here contains the request's correlation id instead.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }

    @Bean
    SmartInitializingSingleton commandMetadataRegistration(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new CommandMetadataInterceptor());
    }

    /**
     * Creates the event tables on start. The PostgreSQL table factory stores payloads and
     * metadata as BYTEA rather than large objects.
     */
    @Bean
    SmartInitializingSingleton eventSchemaCreation(JdbcEventStorageEngine storageEngine) {
        return () -> {
            storageEngine.createSchema(PostgresEventTableFactory.INSTANCE);
            log.info("Event store tables ready");
        };
    }

    /**
     * Makes a failing event handler stop and retry its processor instead of skipping the event,
     * so a projection or a Kafka publisher never loses an event to a passing failure.
     */
    @Bean
    ConfigurerModule propagatingEventHandlerErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

}
