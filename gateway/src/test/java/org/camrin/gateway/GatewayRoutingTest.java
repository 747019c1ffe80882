package org.camrin.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Routing and error answers of the gateway, with a real HTTP server standing in the programme
 * service's place and nothing listening where the pathway service should be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    private static final AtomicReference<String> seenCookie = new AtomicReference<>();
    private static final AtomicReference<String> seenCorrelationId = new AtomicReference<>();
    private static final HttpServer programmeService = startProgrammeService();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("PROGRAMME_SERVICE_URL", () -> "http://localhost:" + programmeService.getAddress().getPort());
        registry.add("PATHWAY_SERVICE_URL", () -> "http://localhost:" + closedPort());
    }

    @Autowired
    ApplicationContext context;

    WebTestClient client;

    @BeforeEach
    void bind() {
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @AfterAll
    static void stop() {
        programmeService.stop(0);
    }

    @Test
    void routesToServiceWithoutCookies() {
        client.mutateWith(mockJwt())
                .get().uri("/api/programmes")
                .header("Cookie", "SESSION=browser-session")
                .header("X-Correlation-Id", "request-7")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "request-7")
                .expectBody(String.class).isEqualTo("[]");

        assertThat(seenCookie.get()).isNull();
        assertThat(seenCorrelationId.get()).isEqualTo("request-7");
    }

    @Test
    void missingTokenGets401Problem() {
        client.get().uri("/api/programmes")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void unknownApiPathGets404Problem() {
        client.mutateWith(mockJwt())
                .get().uri("/api/unknown")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("/api/unknown"));
    }

    @Test
    void downServiceGets503Problem() {
        client.mutateWith(mockJwt())
                .get().uri("/api/pathways/definitions")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);
    }

    @Test
    void healthIsOpen() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    private static HttpServer startProgrammeService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/programmes", exchange -> {
                seenCookie.set(exchange.getRequestHeaders().getFirst("Cookie"));
                seenCorrelationId.set(exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
                byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException failure) {
            throw new IllegalStateException("Test HTTP server did not start", failure);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
