package org.camrin.data.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Command-line import: signs in through Keycloak's {@code camrin-cli} client, uploads a file to
 * the data service through the gateway, draws a progress bar while the import runs and prints
 * the report. It uses the same API as every other client.
 *
 * <pre>
 * java -cp data-service/target/data-service-*-exec.jar -Dloader.main=org.camrin.data.cli.DataCli \
 *     org.springframework.boot.loader.launch.PropertiesLauncher import FILE [--period YYYY-MM] [--partial]
 * </pre>
 *
 * <p>Environment: {@code CAMRIN_USER} and {@code CAMRIN_PASSWORD} (default
 * {@code data-analyst.rem} / {@code camrin-demo}), {@code KEYCLOAK_URL} (default
 * {@code http://localhost:8180}), {@code CAMRIN_GATEWAY_URL} (default {@code http://localhost:8080}).
 * Exit status: 0 when imported or already imported, 1 when the file is rejected, 2 on a usage
 * or connection error.
 */
public final class DataCli {

    static final int BAR_WIDTH = 40;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> environment;
    private final PrintStream out;

    DataCli(Map<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new DataCli(System.getenv(), System.out).run(args));
    }

    int run(String[] args) {
        if (args.length < 2 || !args[0].equals("import")) {
            System.err.println("Usage: DataCli import FILE [--period YYYY-MM] [--partial]");
            System.err.println("  --period   month of a waiting-bands file whose name has no YYYY-MM");
            System.err.println("  --partial  import the valid rows of a file that has rejected rows");
            return 2;
        }
        Path file = Path.of(args[1]);
        String period = null;
        boolean partial = false;
        for (int index = 2; index < args.length; index++) {
            if (args[index].equals("--partial")) {
                partial = true;
            } else if (args[index].equals("--period") && index + 1 < args.length) {
                period = args[++index];
            } else {
                System.err.println("Unknown option '" + args[index] + "'. Options: --period YYYY-MM, --partial.");
                return 2;
            }
        }
        if (!Files.isRegularFile(file)) {
            System.err.println("File not found: " + file.toAbsolutePath());
            return 2;
        }
        try {
            return importFile(file, period, partial);
        } catch (IOException failure) {
            String reason = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
            System.err.println("Import failed: " + reason + ". Check KEYCLOAK_URL and CAMRIN_GATEWAY_URL.");
            return 2;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            System.err.println("Import interrupted; the server may still finish it.");
            return 2;
        }
    }

    private int importFile(Path file, String period, boolean partial) throws IOException, InterruptedException {
        String token = signIn();
        JsonNode started = upload(token, file, period, partial);
        String importId = started.get("importId").asText();
        out.println("Import " + importId + " of " + file.getFileName() + ": " + started.get("status").asText());

        JsonNode report = started;
        while (List.of("QUEUED", "RUNNING").contains(report.get("status").asText())) {
            Thread.sleep(POLL_INTERVAL.toMillis());
            report = get(token, "/api/data/imports/" + importId);
            out.print("\r" + progressBar(report.get("percent").asInt(), report.get("rowsRead").asLong()));
            out.flush();
        }
        out.println("\r" + progressBar(100, report.get("rowsRead").asLong()));
        printReport(token, report);
        String status = report.get("status").asText();
        return status.equals("IMPORTED") || status.equals("ALREADY_IMPORTED") ? 0 : 1;
    }

    /** Formats a text progress bar such as {@code [##########..........]  50%  12000 rows}. */
    static String progressBar(int percent, long rows) {
        int clamped = Math.max(0, Math.min(100, percent));
        int filled = clamped * BAR_WIDTH / 100;
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + String.format("%3d%%", clamped)
                + "  " + rows + " rows";
    }

    private void printReport(String token, JsonNode report) throws IOException, InterruptedException {
        out.println("Status:   " + report.get("status").asText());
        out.println("Format:   " + report.path("format").asText("-"));
        out.println("Periods:  " + report.path("periods"));
        out.println("Rows:     " + report.get("rowsRead").asLong() + " read, " + report.get("rowsAccepted").asLong()
                + " accepted, " + report.get("rowsRejected").asLong() + " rejected, "
                + report.get("rowsOutsideNetwork").asLong() + " outside the network");
        out.println(report.get("message").asText());
        int pages = report.path("pages").asInt(0);
        for (int page = 1; page <= pages; page++) {
            JsonNode rows = get(token, "/api/data/imports/" + report.get("importId").asText() + "?page=" + page)
                    .get("rejectedRows");
            for (JsonNode row : rows) {
                out.println("  line " + row.get("line").asLong() + ": " + row.get("reason").asText());
            }
        }
    }

    private String signIn() throws IOException, InterruptedException {
        String keycloak = setting("KEYCLOAK_URL", "http://localhost:8180");
        String form = "grant_type=password&client_id=camrin-cli&scope=openid"
                + "&username=" + encode(setting("CAMRIN_USER", "data-analyst.rem"))
                + "&password=" + encode(setting("CAMRIN_PASSWORD", "camrin-demo"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak + "/realms/camrin/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("sign-in at " + keycloak + " failed with HTTP " + response.statusCode() + ": "
                    + response.body() + ". Check CAMRIN_USER and CAMRIN_PASSWORD.");
        }
        return json.readTree(response.body()).get("access_token").asText();
    }

    private JsonNode upload(String token, Path file, String period, boolean partial)
            throws IOException, InterruptedException {
        String boundary = "camrin-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        String query = "?partial=" + partial + (period == null ? "" : "&period=" + encode(period));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway() + "/api/data/imports" + query))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.concat(BodyPublishers.ofString(head), BodyPublishers.ofFile(file),
                        BodyPublishers.ofString(tail)))
                .build();
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            throw new IOException("upload failed with HTTP " + response.statusCode() + ": " + problemDetail(response.body()));
        }
        return json.readTree(response.body());
    }

    private JsonNode get(String token, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway() + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " failed with HTTP " + response.statusCode() + ": "
                    + problemDetail(response.body()));
        }
        return json.readTree(response.body());
    }

    private String problemDetail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            return problem.has("detail") ? problem.get("detail").asText() : body;
        } catch (IOException notJson) {
            return body;
        }
    }

    private String gateway() {
        return setting("CAMRIN_GATEWAY_URL", "http://localhost:8080");
    }

    private String setting(String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
