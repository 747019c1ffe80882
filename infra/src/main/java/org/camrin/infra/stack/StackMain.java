package org.camrin.infra.stack;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one server of the local stack in this JVM until the JVM is stopped (SIGTERM or Ctrl-C),
 * when a shutdown hook stops the server and keeps its data.
 *
 * <pre>
 * StackMain postgres [--port 5432] --data DIRECTORY
 * StackMain kafka [--port 9092] [--controller-port 9093] --data DIRECTORY
 * StackMain mongo [--port 27017] --data FILE
 * </pre>
 *
 * <p>Exit status: 1 when the server fails to start, 2 for invalid arguments.
 */
public final class StackMain {

    static {
        // Set before the first logger exists. A logback.xml in this jar would also configure
        // the tests of every module that depends on infra.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/camrin/infra/stack/stack-logback.xml");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(StackMain.class);

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: StackMain PART [OPTIONS]",
            "  postgres [--port 5432] --data DIRECTORY",
            "      PostgreSQL 17 with its data directory in DIRECTORY.",
            "  kafka [--port 9092] [--controller-port 9093] --data DIRECTORY",
            "      Kafka broker and KRaft controller with its log directory under DIRECTORY.",
            "  mongo [--port 27017] --data FILE",
            "      MongoDB-compatible server with its data in the H2 file FILE.",
            "Each part listens on localhost and runs until the process receives SIGTERM.");

    private StackMain() {
    }

    public static void main(String[] arguments) {
        LocalServer server;
        try {
            server = start(arguments);
        } catch (StackOptions.InvalidOptionException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        } catch (StackStartException e) {
            // The message names the port, path and next step. A stack trace would push it out of
            // the last log lines, which ./camrin shows when a part fails.
            log.error(e.getMessage());
            log.debug("Start failure details", e);
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            log.error("Start failed: {}", e.toString(), e);
            System.exit(1);
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "stack-shutdown"));
        log.info("{} ready on localhost:{}", server.name(), server.port());
        awaitShutdown();
    }

    /** Starts the part named by the first argument. */
    static LocalServer start(String[] arguments) {
        if (arguments.length == 0) {
            throw new StackOptions.InvalidOptionException("Missing PART");
        }
        String part = arguments[0];
        String[] rest = Arrays.copyOfRange(arguments, 1, arguments.length);
        switch (part) {
            case "postgres" -> {
                StackOptions options = StackOptions.parse(rest, Set.of("port", "data"));
                // INHERIT: a server that outlives this JVM keeps writing to the same log.
                return LocalPostgres.start(options.port("port", 5432), options.requiredPath("data"),
                        ProcessBuilder.Redirect.INHERIT);
            }
            case "kafka" -> {
                StackOptions options = StackOptions.parse(rest, Set.of("port", "controller-port", "data"));
                return LocalKafka.start(options.port("port", 9092), options.port("controller-port", 9093),
                        options.requiredPath("data"));
            }
            case "mongo" -> {
                StackOptions options = StackOptions.parse(rest, Set.of("port", "data"));
                return LocalMongo.start(options.port("port", 27017), options.requiredPath("data"));
            }
            default -> throw new StackOptions.InvalidOptionException("Unknown PART: " + part);
        }
    }

    private static void stop(LocalServer server) {
        log.info("Stopping {} on localhost:{}", server.name(), server.port());
        try {
            server.close();
            log.info("{} stopped", server.name());
        } catch (RuntimeException e) {
            log.error("Failed to stop {} cleanly", server.name(), e);
        }
    }

    /** Blocks the main thread; the JVM ends through System.exit or a signal, after the shutdown hooks. */
    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
