package org.camrin.infra.stack;

/**
 * A server of the local stack running in this JVM. Closing it stops the server and leaves its
 * data in place for the next start.
 */
public interface LocalServer extends AutoCloseable {

    /** Short name used in log lines, such as {@code PostgreSQL}. */
    String name();

    /** Port on localhost where the server accepts clients. */
    int port();

    /** Stops the server. Calling it again has no effect. */
    @Override
    void close();
}
