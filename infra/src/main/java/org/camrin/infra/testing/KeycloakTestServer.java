package org.camrin.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camrin.identity.realm.RealmFiles;
import org.camrin.identity.realm.RealmWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak server with the development realm {@code camrin}, for tests.
 *
 * <p>{@link #shared()} starts one server per JVM from the {@code keycloak-quarkus-dist} zip in the
 * local Maven repository, or uses the server named by the environment variable
 * {@code KEYCLOAK_URL} and starts nothing. That server must already have the development realm
 * (for example a local stack started from {@code RealmFiles.development()}).
 *
 * <p>Every started server gets its own copy of the distribution, so its H2 database and realm
 * import are not shared with other runs. It listens on 127.0.0.1 only and is stopped by a JVM
 * shutdown hook. All URLs use the host name {@code localhost}, because Keycloak's {@code iss}
 * follows the host name of the request unless {@code --hostname} fixes it.
 */
public final class KeycloakTestServer {

    /** Keycloak version to start. It must equal {@code keycloak.version} in the parent pom, which KeycloakVersionTest checks. */
    public static final String KEYCLOAK_VERSION = "26.5.6";

    /** Public client of the development realm that signs users in with the password grant. */
    public static final String CLI_CLIENT_ID = "camrin-cli";

    static final String ADMIN_USERNAME = "admin";
    static final String ADMIN_PASSWORD = "admin";

    // Start times measured on a 2-core machine with the development realm: 29 to 40 s when the
    // server is rebuilt for development mode (about 13 s of it). With the cached build it took
    // 18 s, or 28 s while other builds ran. The margin covers slower and busier machines.
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STALE_PARTIAL_AGE = Duration.ofHours(1);
    private static final int LOG_TAIL_LINES = 40;
    private static final String PARTIAL_MARKER = ".partial-";

    private static final Logger log = LoggerFactory.getLogger(KeycloakTestServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static KeycloakTestServer shared;
    private static RuntimeException sharedStartFailure;

    private final String url;
    private final HttpClient http;
    private final Process process;
    private final Path runDirectory;
    private final Path logFile;
    private boolean stopped;

    private KeycloakTestServer(String url, Process process, Path runDirectory, Path logFile) {
        this.url = url;
        this.process = process;
        this.runDirectory = runDirectory;
        this.logFile = logFile;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Returns the Keycloak server of this JVM, starting it on first use unless {@code KEYCLOAK_URL}
     * is set. A failed start is remembered, so later callers fail at once instead of waiting again.
     *
     * @throws IllegalStateException if the distribution is missing or the server did not start
     * @throws java.io.UncheckedIOException if unpacking or copying the distribution failed
     */
    public static synchronized KeycloakTestServer shared() {
        if (sharedStartFailure != null) {
            throw sharedStartFailure;
        }
        if (shared == null) {
            String external = System.getenv("KEYCLOAK_URL");
            try {
                shared = external != null && !external.isBlank()
                        ? new KeycloakTestServer(stripTrailingSlash(external.trim()), null, null, null)
                        : start();
            } catch (RuntimeException e) {
                sharedStartFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /**
     * Returns a client for a Keycloak server started elsewhere, for example in a container, that
     * already has the development realm. Nothing is started or stopped.
     */
    public static KeycloakTestServer external(String url) {
        return new KeycloakTestServer(stripTrailingSlash(url.trim()), null, null, null);
    }

    /** Returns the base URL, for example {@code http://localhost:PORT}. */
    public String url() {
        return url;
    }

    /** Returns the issuer of the realm, {@code url() + "/realms/camrin"}. */
    public String issuer() {
        return url + "/realms/" + RealmFiles.REALM_NAME;
    }

    /** Returns the URL of the realm's JSON Web Key Set. */
    public String jwksUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** Returns the URL of the realm's token endpoint. */
    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /**
     * Signs a user in through {@value #CLI_CLIENT_ID} with the password grant and returns the
     * access token.
     *
     * @throws TokenRequestException if Keycloak does not return a token, for example 401 for a
     *     wrong password
     */
    public String passwordToken(String username, String password) {
        return passwordToken(username, password, null);
    }

    /**
     * Signs a user in like {@link #passwordToken(String, String)} and requests the given scopes
     * (space-separated, for example {@code "openid organization"}). With {@code null} Keycloak
     * grants the client's default scopes only.
     */
    public String passwordToken(String username, String password, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CLI_CLIENT_ID);
        form.put("username", username);
        form.put("password", password);
        if (scope != null) {
            form.put("scope", scope);
        }
        return requestToken(form, "user " + username + " through client " + CLI_CLIENT_ID);
    }

    /**
     * Requests a token with the client credentials grant and returns the access token.
     *
     * @throws TokenRequestException if Keycloak does not return a token
     */
    public String clientCredentialsToken(String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return requestToken(form, "client " + clientId);
    }

    /** Returns the log file of a started server, or {@code null} for a server at KEYCLOAK_URL. */
    public Path logFile() {
        return logFile;
    }

    private String requestToken(Map<String, String> form, String subject) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new TokenRequestException(subject, response.statusCode(), response.body());
        }
        try {
            JsonNode token = MAPPER.readTree(response.body()).path("access_token");
            if (!token.isTextual()) {
                throw new TokenRequestException(subject, response.statusCode(), response.body());
            }
            return token.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Invalid JSON in the token response for " + subject, e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Request " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    // ---- Starting and stopping ----

    private static KeycloakTestServer start() {
        Instant begin = Instant.now();
        Path cache = cacheDirectory();
        Path distribution = unpackedDistribution(locateDistributionZip(), cache);
        Path devBuild = cache.resolve("keycloak-" + KEYCLOAK_VERSION + "-dev-build");

        Path runDirectory;
        Path home;
        try {
            runDirectory = Files.createTempDirectory("camrin-keycloak-");
            home = runDirectory.resolve("home");
            copyTree(distribution, home);
            if (Files.isDirectory(devBuild)) {
                copyTree(devBuild, home.resolve("lib/quarkus"));
            }
            RealmWriter.write(RealmFiles.development(), home.resolve("data/import/camrin-realm.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to prepare a Keycloak home from " + distribution, e);
        }

        int port = freeLoopbackPort();
        String url = "http://localhost:" + port;
        Path logFile = runDirectory.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--hostname=" + url,
                "--import-realm")
                .directory(runDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        configureEnvironment(builder.environment());

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to run " + builder.command().get(0), e);
        }
        KeycloakTestServer server = new KeycloakTestServer(url, process, runDirectory, logFile);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-test-server-stop"));
        log.info("Starting Keycloak {} on {} (PID {}, log {})", KEYCLOAK_VERSION, url, process.pid(), logFile);

        try {
            server.awaitReady(START_TIMEOUT);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }

        if (!Files.isDirectory(devBuild)) {
            saveDevBuild(home.resolve("lib/quarkus"), devBuild);
        }
        log.info("Keycloak {} ready at {} after {} s", KEYCLOAK_VERSION, url,
                Duration.between(begin, Instant.now()).toSeconds());
        return server;
    }

    /**
     * Sets the environment of kc.sh. Inherited {@code KC_*} variables would change the server's
     * configuration, and an inherited {@code JAVA_OPTS} replaces kc.sh's defaults, so both are
     * removed. {@code JAVA_HOME} is set to this JVM so that Keycloak runs on a known Java.
     */
    private static void configureEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("KC_"));
        environment.remove("JAVA_OPTS");
        environment.remove("JAVA");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    private void awaitReady(Duration timeout) {
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        HttpRequest request = HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);

        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " before it was ready. Log " + logFile + ":\n" + logTail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet: keep polling until the deadline.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak at " + discovery, e);
            }
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for Keycloak at "
                + discovery + ". Log " + logFile + ":\n" + logTail());
    }

    /**
     * Stops the server and deletes its copy of the distribution, but keeps the log file. kc.sh
     * forwards SIGTERM to its Java process but does not pass on SIGKILL, so after a forced stop
     * the descendants recorded before stopping are killed by their PIDs.
     */
    private synchronized void stop() {
        if (process == null || stopped) {
            return;
        }
        stopped = true;
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Keycloak (PID {}) did not stop within {} s of SIGTERM, so it is killed", process.pid(),
                        STOP_TIMEOUT.toSeconds());
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            for (ProcessHandle descendant : descendants) {
                if (descendant.isAlive()) {
                    descendant.destroyForcibly();
                    descendant.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            log.warn("Failed to stop Keycloak (PID {}) cleanly", process.pid(), e);
        }

        try {
            deleteTree(runDirectory.resolve("home"));
        } catch (IOException e) {
            log.warn("Failed to delete the Keycloak home under {}", runDirectory, e);
        }
    }

    private String logTail() {
        try (Stream<String> lines = Files.lines(logFile)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    // ---- The distribution and its cache ----

    private static Path locateDistributionZip() {
        String configured = System.getProperty("maven.repo.local");
        Path repository = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path zip = repository.resolve("org/keycloak/keycloak-quarkus-dist/" + KEYCLOAK_VERSION
                + "/keycloak-quarkus-dist-" + KEYCLOAK_VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found: " + zip
                    + ". Build the infra module once with network access (it declares the zip as a dependency), run"
                    + " ./mvnw dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:" + KEYCLOAK_VERSION
                    + ":zip -Dtransitive=false, or set KEYCLOAK_URL to a Keycloak with the camrin development realm.");
        }
        return zip;
    }

    private static Path cacheDirectory() {
        return Path.of(System.getProperty("user.home"), ".cache", "camrin");
    }

    /**
     * Returns the unpacked distribution in the cache, unpacking the zip first if needed. The zip is
     * unpacked into a temporary folder that is then renamed, so an interrupted unpack is never
     * used. When two JVMs unpack at once, the first rename wins and the other copy is deleted.
     */
    private static Path unpackedDistribution(Path zip, Path cache) {
        Path distribution = cache.resolve("keycloak-" + KEYCLOAK_VERSION);
        try {
            Files.createDirectories(cache);
            deletePartialFolders(cache);
            if (Files.isRegularFile(distribution.resolve("bin/kc.sh"))) {
                return distribution;
            }

            Path unpacking = Files.createTempDirectory(cache, distribution.getFileName() + PARTIAL_MARKER);
            log.info("Unpacking {} into {}", zip, distribution);
            unzip(zip, unpacking);
            try {
                Files.move(unpacking, distribution, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteTree(unpacking);
                if (!Files.isRegularFile(distribution.resolve("bin/kc.sh"))) {
                    throw e;
                }
            }
            return distribution;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to unpack " + zip + " into " + distribution, e);
        }
    }

    /** Deletes partial cache folders left by JVMs that were killed while writing them. */
    private static void deletePartialFolders(Path cache) throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE_PARTIAL_AGE));
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().contains(PARTIAL_MARKER)).toList()) {
                if (Files.getLastModifiedTime(entry).compareTo(cutoff) < 0) {
                    deleteTree(entry);
                }
            }
        }
    }

    /**
     * Unpacks the zip without its top folder ({@code keycloak-VERSION/}). java.util.zip does not
     * restore Unix permissions, so the shell scripts in {@code bin} are made executable here.
     */
    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path file = root.resolve(name.substring(slash + 1)).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("Zip entry " + name + " points outside " + root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> scripts = Files.walk(root.resolve("bin"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                if (!script.toFile().setExecutable(true, false)) {
                    throw new IOException("Failed to make " + script + " executable");
                }
            }
        }
    }

    /**
     * Keeps the server build that {@code start-dev} made in {@code lib/quarkus}, so later runs copy
     * it instead of rebuilding (about 13 s on 2 cores). The build contains no absolute paths, and
     * Keycloak rebuilds by itself if its persisted build options differ from the current ones.
     */
    private static void saveDevBuild(Path quarkusBuild, Path devBuild) {
        try {
            Path saving = Files.createTempDirectory(devBuild.getParent(), devBuild.getFileName() + PARTIAL_MARKER);
            copyTree(quarkusBuild, saving);
            try {
                Files.move(saving, devBuild, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteTree(saving);
            }
        } catch (IOException e) {
            log.warn("Failed to cache the Keycloak development build in {}, so later starts rebuild it", devBuild, e);
        }
    }

    // ---- File and process helpers ----

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    // NOTE: the port is free when chosen but could be taken before Keycloak binds it. Keycloak
    // then exits and the start fails with its log.
    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to find a free port on the loopback interface", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    private static String stripTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** Error of a token request to which Keycloak's token endpoint returned no access token. */
    public static final class TokenRequestException extends RuntimeException {

        private final int statusCode;
        private final String responseBody;

        TokenRequestException(String subject, int statusCode, String responseBody) {
            super("Token request for " + subject + " failed with HTTP " + statusCode + ": " + responseBody);
            this.statusCode = statusCode;
            this.responseBody = responseBody;
        }

        public int statusCode() {
            return statusCode;
        }

        public String responseBody() {
            return responseBody;
        }
    }
}
