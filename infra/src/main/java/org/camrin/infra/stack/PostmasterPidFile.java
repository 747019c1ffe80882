package org.camrin.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code postmaster.pid} in a PostgreSQL data directory to find a server left running by an
 * earlier launcher whose JVM was killed, and stops it with {@code pg_ctl} so the next start can
 * use the directory and the port.
 */
final class PostmasterPidFile {

    private static final Logger log = LoggerFactory.getLogger(PostmasterPidFile.class);

    private static final String FILE_NAME = "postmaster.pid";
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private PostmasterPidFile() {
    }

    /**
     * Stops the PostgreSQL server named in {@code dataDirectory}'s {@code postmaster.pid}, if that
     * process is alive. A file whose process is gone is left for PostgreSQL, which replaces it.
     *
     * @throws StackStartException when the file cannot be read, or when its process is alive but
     *     is not a PostgreSQL server that can be stopped with the {@code pg_ctl} beside it
     */
    static void stopLeftoverServer(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(pidFile)) {
            return;
        }

        long pid = readPid(pidFile);
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }

        Optional<Path> pgCtl = process.get().info().command()
                .map(Path::of)
                .filter(command -> command.getFileName().toString().equals("postgres"))
                .map(command -> command.resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        if (pgCtl.isEmpty()) {
            throw new StackStartException("PostgreSQL data directory " + dataDirectory
                    + " is in use by process " + pid + " (named in " + pidFile + "), which is not a PostgreSQL "
                    + "server this launcher can stop: stop that process, or delete " + pidFile
                    + " if no PostgreSQL server uses the directory.");
        }

        log.warn("Stopping PostgreSQL server {} left running on {} by an earlier start", pid, dataDirectory);
        runPgCtlStop(pgCtl.get(), dataDirectory, pid);
        log.info("Stopped PostgreSQL server {}", pid);
    }

    private static long readPid(Path pidFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            throw new StackStartException("Cannot read " + pidFile + ": " + e, e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new StackStartException(pidFile + " is empty: another PostgreSQL server may be starting "
                    + "on this directory, or a failed start left the file behind. "
                    + "Delete it if no PostgreSQL server uses the directory.");
        }
        try {
            return Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            throw new StackStartException(pidFile + " does not start with a process id: "
                    + "delete it if no PostgreSQL server uses the directory.", e);
        }
    }

    private static void runPgCtlStop(Path pgCtl, Path dataDirectory, long pid) {
        List<String> arguments = new ArrayList<>();
        // pg_ctl refuses to run as root. zonky then runs it in a new user namespace, where this
        // user is not root, and so must the stop, or pg_ctl exits with "cannot be run as root".
        if (LinuxUtils.isUnshareAvailable()) {
            arguments.addAll(List.of("unshare", "-U"));
        }
        arguments.addAll(List.of(pgCtl.toString(), "-D", dataDirectory.toString(),
                "stop", "-m", "fast", "-w", "-t", Long.toString(STOP_TIMEOUT_SECONDS)));
        ProcessBuilder command = new ProcessBuilder(arguments)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        try {
            Process stop = command.start();
            boolean finished = stop.waitFor(STOP_TIMEOUT_SECONDS + 10, TimeUnit.SECONDS);
            if (!finished) {
                stop.destroyForcibly();
                throw new StackStartException("pg_ctl stop of PostgreSQL server " + pid + " on "
                        + dataDirectory + " timed out: stop that process, then start again.");
            }
            if (stop.exitValue() != 0) {
                throw new StackStartException("pg_ctl stop of PostgreSQL server " + pid + " on "
                        + dataDirectory + " failed with exit code " + stop.exitValue()
                        + ": stop that process, then start again.");
            }
        } catch (IOException e) {
            throw new StackStartException("Cannot run " + pgCtl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("Interrupted while stopping PostgreSQL server " + pid, e);
        }
    }
}
