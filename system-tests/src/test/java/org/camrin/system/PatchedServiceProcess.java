package org.camrin.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a packaged service like {@code ServiceProcess}, but through Spring Boot's
 * PropertiesLauncher with extra jars on {@code loader.path}.
 *
 * <p>NOTE: only for the pathway service, whose runnable jar lacks jackson-dataformat-yaml: its
 * pom declares that artifact with test scope, which overrides the compile scope swagger-core
 * (through springdoc) needs, so {@code java -jar} fails at start with NoClassDefFoundError
 * YAMLFactory. Once the pom no longer narrows the scope, use ServiceProcess again.
 */
final class PatchedServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final int port;
    private final Process process;
    private final Path log;

    private PatchedServiceProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static PatchedServiceProcess start(Path root, String module, Map<String, String> environment, List<Path> extraJars) {
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
            Path jar = files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No runnable jar of " + module + ": package it first"));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile(module + "-", ".log");
            String loaderPath = String.join(",", extraJars.stream().map(Path::toString).toList());
            ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin"
                    + File.separator + "java", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dloader.path=" + loaderPath,
                    "-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher")
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            PatchedServiceProcess service = new PatchedServiceProcess(port, builder.start(), log);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, module + "-stop"));
            service.awaitHealthy(module);
            return service;
        } catch (IOException failure) {
            throw new UncheckedIOException("Could not start " + module, failure);
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    private void awaitHealthy(String module) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with code " + process.exitValue() + "; see its log " + log);
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
                Thread.sleep(500);
            } catch (IOException notYet) {
                sleep();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + module, interrupted);
            }
        }
        close();
        throw new IllegalStateException(module + " was not healthy within " + START_TIMEOUT.toSeconds() + " s; see its log " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
