package org.camrin.infra.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single Kafka 3.9 node in KRaft mode, acting as broker and controller, with its log directory
 * kept across restarts. The directory is formatted on the first start only. Its
 * {@code meta.properties} then keeps the cluster id, so later starts find their topics again.
 */
public final class LocalKafka implements LocalServer {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

    private static final int NODE_ID = 1;
    private static final String LOG_DIRECTORY = "kraft-combined-logs";

    private final KafkaRaftServer server;
    private final int port;
    private final String clusterId;
    private boolean closed;

    private LocalKafka(KafkaRaftServer server, int port, String clusterId) {
        this.server = server;
        this.port = port;
        this.clusterId = clusterId;
    }

    /**
     * Starts the node with clients on {@code port} and the KRaft controller on
     * {@code controllerPort}, keeping its logs under {@code dataDirectory}.
     *
     * @throws StackStartException when a port is taken, the directory is unusable or the node
     *     fails to start
     */
    public static LocalKafka start(int port, int controllerPort, Path dataDirectory) {
        if (port == controllerPort) {
            throw new StackStartException("Kafka's client port and controller port are both " + port
                    + ": choose two different ports.");
        }
        Path directory = dataDirectory.toAbsolutePath();
        StackFiles.requireWritableDirectory(directory, "Kafka data directory");
        Ports.requireFree(port);
        Ports.requireFree(controllerPort);

        Path logDirectory = directory.resolve(LOG_DIRECTORY);
        KafkaConfig config;
        try {
            config = KafkaConfig.fromProps(brokerProperties(port, controllerPort, logDirectory));
        } catch (RuntimeException e) {
            throw new StackStartException("Invalid Kafka configuration: " + e.getMessage(), e);
        }

        String clusterId = formatIfNew(config, logDirectory);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (Exception e) {
            // Scala code may throw checked exceptions that Java does not declare.
            shutDownAfterFailedStart(server, e);
            throw new StackStartException("Kafka failed to start on port " + port + " with data directory "
                    + directory + ": " + e.getMessage(), e);
        }
        return new LocalKafka(server, port, clusterId);
    }

    private static void shutDownAfterFailedStart(KafkaRaftServer server, Exception startFailure) {
        try {
            server.shutdown();
        } catch (RuntimeException e) {
            startFailure.addSuppressed(e);
        }
    }

    private static Properties brokerProperties(int port, int controllerPort, Path logDirectory) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDirectory.toString());

        // One broker: internal topics cannot have more than one replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");

        properties.put("auto.create.topics.enable", "true");
        properties.put("num.partitions", "3");
        // The 3 s default delays the first rebalance of every new consumer group, which only
        // slows down a development broker.
        properties.put("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    /** Formats the log directory when it has no {@code meta.properties}, and returns the cluster id. */
    private static String formatIfNew(KafkaConfig config, Path logDirectory) {
        Path metaProperties = logDirectory.resolve("meta.properties");
        if (Files.exists(metaProperties)) {
            return readClusterId(metaProperties);
        }

        String clusterId = Uuid.randomUuid().toString();
        log.info("Formatting new Kafka log directory {} with cluster id {}", logDirectory, clusterId);
        try {
            new Formatter()
                    .setPrintStream(System.out)
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDirectory.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new StackStartException("Formatting Kafka log directory " + logDirectory + " failed: "
                    + e.getMessage() + ". Remove the directory if it holds no data you need.", e);
        }
        return clusterId;
    }

    private static String readClusterId(Path metaProperties) {
        Properties properties = new Properties();
        try (var input = Files.newInputStream(metaProperties)) {
            properties.load(input);
        } catch (Exception e) {
            throw new StackStartException("Cannot read " + metaProperties + ": " + e, e);
        }
        String clusterId = properties.getProperty("cluster.id");
        if (clusterId == null) {
            throw new StackStartException(metaProperties + " has no cluster.id: "
                    + "remove the Kafka data directory if it holds no data you need.");
        }
        return clusterId;
    }

    @Override
    public String name() {
        return "Kafka";
    }

    @Override
    public int port() {
        return port;
    }

    /** Returns the {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public String clusterId() {
        return clusterId;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }
}
