package org.camrin.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for tests (the embedded binaries from Maven Central) on a free port,
 * started once per test JVM and stopped when the JVM exits.
 *
 * <p>Where the environment sets {@code POSTGRES_URL}, tests use that server instead.
 */
public final class PostgresTestServer {

    private static PostgresTestServer shared;

    private final String url;
    private final String username;
    private final String password;

    private PostgresTestServer(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public static synchronized PostgresTestServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static PostgresTestServer start() {
        String external = System.getenv("POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            return new PostgresTestServer(external, env("POSTGRES_USER", "postgres"), env("POSTGRES_PASSWORD", ""));
        }
        try {
            // zonky turns synchronous_commit off by default; tests should see durable commits.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the temporary data directory goes with it.
                }
            }, "postgres-test-server-stop"));
            return new PostgresTestServer("jdbc:postgresql://localhost:" + postgres.getPort(), "postgres", "");
        } catch (IOException failure) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", failure);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** JDBC URL of the server without a database, for example {@code jdbc:postgresql://localhost:41234}. */
    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }
}
