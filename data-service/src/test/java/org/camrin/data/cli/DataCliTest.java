package org.camrin.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line client against a loopback HTTP server that responds as Keycloak and the
 * gateway do, so the sign-in, the multipart upload, polling and the report are exercised.
 */
class DataCliTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private volatile String uploadedBody;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/camrin/protocol/openid-connect/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add("token " + form);
            respond(exchange, 200, "{\"access_token\":\"token-1\"}");
        });
        server.createContext("/api/data/imports", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            if (exchange.getRequestMethod().equals("POST")) {
                uploadedBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                respond(exchange, 202, status("QUEUED", 0, 0));
            } else if (exchange.getRequestURI().getQuery() != null) {
                respond(exchange, 200, "{\"rejectedRows\":[{\"line\":3,\"reason\":\"negative count -4\",\"fatal\":true}]}");
            } else {
                respond(exchange, 200, polls.incrementAndGet() < 2 ? status("RUNNING", 50, 1) : status("REJECTED", 100, 1));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void uploadsPollsAndPrintsReport(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("totals.csv"), "code,trust_name,total_waiting_list,Date\n");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        int exit = new DataCli(Map.of("KEYCLOAK_URL", base, "CAMRIN_GATEWAY_URL", base, "CAMRIN_USER", "analyst"),
                new PrintStream(output, true, StandardCharsets.UTF_8)).run(new String[] {"import", file.toString(), "--partial"});

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(requests.get(0)).contains("grant_type=password").contains("client_id=camrin-cli")
                .contains("username=analyst").contains("password=camrin-demo");
        assertThat(requests.get(1)).startsWith("POST /api/data/imports?partial=true").endsWith("Bearer token-1");
        assertThat(uploadedBody).contains("name=\"file\"; filename=\"totals.csv\"").contains("code,trust_name");
        assertThat(printed).contains("[" + "#".repeat(20) + ".".repeat(20) + "]  50%");
        assertThat(printed).contains("Status:   REJECTED");
        assertThat(printed).contains("line 3: negative count -4");
    }

    @Test
    void progressBarFillsByPercent() {
        assertThat(DataCli.progressBar(0, 0)).isEqualTo("[" + ".".repeat(40) + "]   0%  0 rows");
        assertThat(DataCli.progressBar(100, 7)).isEqualTo("[" + "#".repeat(40) + "] 100%  7 rows");
        assertThat(DataCli.progressBar(25, 10)).startsWith("[" + "#".repeat(10) + ".".repeat(30) + "]  25%");
    }

    @Test
    void missingFileIsUsageError() {
        int exit = new DataCli(Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(new String[] {"import", "/does/not/exist.csv"});

        assertThat(exit).isEqualTo(2);
    }

    private static String status(String status, int percent, int page) {
        return "{\"importId\":\"" + "b".repeat(64) + "\",\"status\":\"" + status + "\",\"percent\":" + percent
                + ",\"rowsRead\":10,\"rowsAccepted\":9,\"rowsRejected\":1,\"rowsOutsideNetwork\":0,"
                + "\"periods\":[\"2020-11\"],\"format\":\"PROVIDER_TOTAL_WAITING_LIST\",\"message\":\"1 row failed\","
                + "\"pages\":" + page + ",\"rejectedRows\":[]}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
