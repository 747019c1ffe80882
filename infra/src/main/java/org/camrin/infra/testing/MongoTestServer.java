package org.camrin.infra.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB-compatible server for tests (mongo-java-server, memory backend) on a free port,
 * started once per test JVM.
 *
 * <p>Where the environment sets {@code MONGODB_URI}, tests use that server instead.
 */
public final class MongoTestServer {

    private static MongoTestServer shared;

    private final String uri;

    private MongoTestServer(String uri) {
        this.uri = uri;
    }

    public static synchronized MongoTestServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static MongoTestServer start() {
        String external = System.getenv("MONGODB_URI");
        if (external != null && !external.isBlank()) {
            return new MongoTestServer(external);
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("localhost", 0);
        InetSocketAddress address = server.getLocalAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-test-server-stop"));
        return new MongoTestServer("mongodb://localhost:" + address.getPort() + "/?directConnection=true");
    }

    /** Connection string without a database name; each service names its own database. */
    public String uri() {
        return uri;
    }
}
