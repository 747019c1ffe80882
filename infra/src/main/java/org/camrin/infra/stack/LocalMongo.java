package org.camrin.infra.stack;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * A MongoDB-compatible server (mongo-java-server) storing its data in an H2 MVStore file, so the
 * data survives restarts. Clients connect with {@code ?directConnection=true}.
 */
public final class LocalMongo implements LocalServer {

    /**
     * Page cache in MiB. mongo-java-server scans whole collections for most queries. With H2's
     * 16 MiB default a query over 100,000 documents took 1.3 s, with 1 GiB about 60 ms
     * (mongo-java-server 1.47.0 on a 2-core machine).
     */
    private static final int CACHE_SIZE_MIB = 1024;

    private final MongoServer server;
    private final int port;
    private boolean closed;

    private LocalMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the server on {@code port}, opening or creating the H2 file {@code dataFile}.
     *
     * @throws StackStartException when the port is taken or the file cannot be opened
     */
    public static LocalMongo start(int port, Path dataFile) {
        Path file = dataFile.toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new StackStartException("MongoDB data file " + file
                    + " is a directory: give the path of a file, such as " + file.resolve("camrin.mv") + ".");
        }
        StackFiles.requireWritableDirectory(file.getParent(), "MongoDB data directory");
        Ports.requireFree(port);

        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_SIZE_MIB).open();
        } catch (MVStoreException e) {
            throw new StackStartException("MongoDB data file " + file + " cannot be opened: it is in use by "
                    + "another process or is not an H2 MVStore file (" + e.getMessage() + ").", e);
        }

        MongoServer server = new MongoServer(new H2Backend(store));
        try {
            server.bind(InetAddress.getLoopbackAddress().getHostAddress(), port);
        } catch (RuntimeException e) {
            // shutdown() closes the backend, which closes the store.
            server.shutdown();
            throw new StackStartException("The MongoDB-compatible server failed to listen on port " + port
                    + ": " + e.getMessage(), e);
        }
        return new LocalMongo(server, port);
    }

    @Override
    public String name() {
        return "MongoDB-compatible server";
    }

    @Override
    public int port() {
        return port;
    }

    /** Returns a connection string for {@code database}. */
    public String connectionString(String database) {
        return "mongodb://localhost:" + port + "/" + database + "?directConnection=true";
    }

    /** Closes client connections and the H2 store, which writes pending changes to the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
    }
}
