package org.camrin.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.camrin.infra.testing.KafkaTestServer;
import org.camrin.infra.testing.MongoTestServer;
import org.camrin.infra.testing.PostgresTestServer;
import org.camrin.programme.ProgrammeServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The programme service's Spring application running in this JVM against real servers: embedded
 * PostgreSQL for the event store, mongo-java-server for query models and tokens, and a Kafka
 * KRaft broker.
 *
 * <p>Each run starts from empty databases named {@value #DATABASE} so earlier runs cannot skew it.
 * Where the environment names external servers ({@code POSTGRES_URL}, {@code MONGODB_URI},
 * {@code KAFKA_BOOTSTRAP_SERVERS}), those servers are used instead and these databases on them are
 * dropped and recreated.
 */
final class ServiceUnderTest implements AutoCloseable {

    static final String DATABASE = "programme_bench";
    static final String RAW_DATABASE = "programme_bench_raw";
    static final String PROJECTION = "project-projection";
    static final String PUBLISHER = "programme-integration-events";

    final PostgresTestServer postgres;
    final String mongoUri;
    final String kafkaBootstrapServers;
    private final ConfigurableApplicationContext context;

    private ServiceUnderTest(PostgresTestServer postgres, String mongoUri, String kafkaBootstrapServers,
            ConfigurableApplicationContext context) {
        this.postgres = postgres;
        this.mongoUri = mongoUri;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.context = context;
    }

    /** Starts the servers; returns the started servers without the application. */
    static Servers startServers() {
        PostgresTestServer postgres = PostgresTestServer.shared();
        String mongoUri = MongoTestServer.shared().uri();
        String kafka = KafkaTestServer.shared().bootstrapServers();
        return new Servers(postgres, mongoUri, kafka);
    }

    record Servers(PostgresTestServer postgres, String mongoUri, String kafkaBootstrapServers) {
    }

    /** Empties this benchmark's databases, then boots the service against them. */
    static ServiceUnderTest boot(Servers servers) throws SQLException {
        recreateDatabase(servers.postgres(), DATABASE);
        recreateDatabase(servers.postgres(), RAW_DATABASE);
        try (MongoClient mongo = MongoClients.create(servers.mongoUri())) {
            mongo.getDatabase(DATABASE).drop();
        }

        List<String> args = new ArrayList<>();
        args.add("--camrin.postgres.url=" + servers.postgres().url());
        args.add("--camrin.postgres.username=" + servers.postgres().username());
        args.add("--camrin.postgres.password=" + servers.postgres().password());
        args.add("--camrin.postgres.database=" + DATABASE);
        args.add("--spring.data.mongodb.uri=" + servers.mongoUri());
        args.add("--spring.data.mongodb.database=" + DATABASE);
        args.add("--spring.kafka.bootstrap-servers=" + servers.kafkaBootstrapServers());
        // The web layer is not measured: a free port on loopback keeps the application whole
        // without taking the service's fixed port.
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        args.add("--spring.main.banner-mode=off");
        // No request is made, so no token is checked, but keep the issuer on loopback all the same.
        args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:8180/realms/camrin");
        args.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
                + "http://127.0.0.1:8180/realms/camrin/protocol/openid-connect/certs");

        ConfigurableApplicationContext context = new SpringApplicationBuilder(ProgrammeServiceApplication.class)
                .run(args.toArray(String[]::new));
        return new ServiceUnderTest(servers.postgres(), servers.mongoUri(), servers.kafkaBootstrapServers(), context);
    }

    private static void recreateDatabase(PostgresTestServer postgres, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.url() + "/postgres",
                postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            // Both names are constants of this class, so quoting them is safe.
            statement.execute("drop database if exists \"" + database + "\" with (force)");
            statement.execute("create database \"" + database + "\"");
        }
    }

    CommandGateway commandGateway() {
        return context.getBean(CommandGateway.class);
    }

    /** The serializer the event store writes payloads and metadata with. */
    Serializer eventSerializer() {
        return context.getBean("eventSerializer", Serializer.class);
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    StreamingEventProcessor processor(String name) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("The service has no streaming processor '" + name + "'."));
    }

    /** Opens a connection to another database on the same PostgreSQL server. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.url() + "/" + database, postgres.username(), postgres.password());
    }

    @Override
    public void close() {
        context.close();
    }
}
