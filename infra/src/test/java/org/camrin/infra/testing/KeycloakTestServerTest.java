package org.camrin.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Starts a real Keycloak with the development realm (18 to 40 s on 2 cores, see
 * {@link KeycloakTestServer}) and checks the tokens that the services and the gateway rely on.
 */
@Tag("keycloak")
class KeycloakTestServerTest {

    private static final String DEMO_PASSWORD = "camrin-demo";
    private static final String GATEWAY_REDIRECT_URI = "http://localhost:8080/login/oauth2/code/keycloak";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static KeycloakTestServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakTestServer.shared();
    }

    @Test
    void sharedReturnsSameServer() {
        assertThat(KeycloakTestServer.shared()).isSameAs(keycloak);
        assertThat(keycloak.url()).startsWith("http://localhost:");
        assertThat(keycloak.issuer()).isEqualTo(keycloak.url() + "/realms/camrin");
    }

    @Test
    void passwordTokenCarriesUserClaims() throws Exception {
        JsonNode claims = payload(keycloak.passwordToken("programme-manager.rem", DEMO_PASSWORD));

        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(audience(claims)).contains("camrin-api");
        assertThat(claims.path("trust").asText()).isEqualTo("REM");
        assertThat(textValues(claims.path("realm_access").path("roles"))).contains("programme-manager");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("programme-manager.rem");
        assertThat(claims.path("azp").asText()).isEqualTo(KeycloakTestServer.CLI_CLIENT_ID);
    }

    @Test
    void passwordTokenListsOrganization() throws Exception {
        JsonNode claims = payload(keycloak.passwordToken("workforce-lead.rjr", DEMO_PASSWORD, "openid organization"));

        assertThat(textValues(claims.path("organization"))).containsExactly("rjr");
        assertThat(claims.path("trust").asText()).isEqualTo("RJR");
    }

    @Test
    void accessTokenLivesFiveMinutes() throws Exception {
        JsonNode claims = payload(keycloak.passwordToken("clinician.rbl", DEMO_PASSWORD));

        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
    }

    @Test
    void partnerTokenCarriesPartnerRole() throws Exception {
        JsonNode claims = payload(keycloak.clientCredentialsToken("partner-system", "partner-system-dev-secret"));

        assertThat(textValues(claims.path("realm_access").path("roles"))).contains("partner-api");
        assertThat(audience(claims)).contains("camrin-api");
        assertThat(claims.path("azp").asText()).isEqualTo("partner-system");
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
    }

    @Test
    void cancerAllianceTokenCarriesItsRole() throws Exception {
        JsonNode claims = payload(keycloak.clientCredentialsToken("cancer-alliance", "cancer-alliance-dev-secret"));

        assertThat(textValues(claims.path("realm_access").path("roles"))).contains("cancer-alliance");
        assertThat(textValues(claims.path("realm_access").path("roles"))).doesNotContain("partner-api");
        assertThat(audience(claims)).contains("camrin-api");
    }

    @Test
    void wrongPasswordGets401() {
        assertThatThrownBy(() -> keycloak.passwordToken("programme-manager.rem", "wrong-password"))
                .isInstanceOfSatisfying(KeycloakTestServer.TokenRequestException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    @Test
    void wrongClientSecretGets401() {
        assertThatThrownBy(() -> keycloak.clientCredentialsToken("partner-system", "wrong-secret"))
                .isInstanceOfSatisfying(KeycloakTestServer.TokenRequestException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    @Test
    void discoveryNamesIssuerAndJwks() throws Exception {
        JsonNode discovery = discovery();

        assertThat(discovery.path("issuer").asText()).isEqualTo(keycloak.issuer());
        assertThat(discovery.path("jwks_uri").asText()).isEqualTo(keycloak.jwksUri());
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(keycloak.tokenEndpoint());

        HttpResponse<String> jwks = get(keycloak.jwksUri());
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(jwks.body()).path("keys")).isNotEmpty();
    }

    @Test
    void authEndpointShowsLoginForm() throws Exception {
        String authorize = discovery().path("authorization_endpoint").asText()
                + "?client_id=camrin-gateway&response_type=code&scope=openid&state=test"
                + "&redirect_uri=" + URLEncoder.encode(GATEWAY_REDIRECT_URI, StandardCharsets.UTF_8)
                + "&code_challenge=" + s256Challenge("a-code-verifier-of-at-least-43-characters-for-pkce")
                + "&code_challenge_method=S256";

        HttpResponse<String> page = get(authorize);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"kc-form-login\"");
        assertThat(page.body()).contains("name=\"username\"");
    }

    @Test
    void gatewayLoginWithoutPkceIsRejected() throws Exception {
        String authorize = discovery().path("authorization_endpoint").asText()
                + "?client_id=camrin-gateway&response_type=code&scope=openid&state=test"
                + "&redirect_uri=" + URLEncoder.encode(GATEWAY_REDIRECT_URI, StandardCharsets.UTF_8);

        HttpResponse<String> response = get(authorize);

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElse("");
        assertThat(location).startsWith(GATEWAY_REDIRECT_URI);
        assertThat(location).contains("error=invalid_request");
    }

    private static JsonNode discovery() throws Exception {
        HttpResponse<String> response = get(keycloak.issuer() + "/.well-known/openid-configuration");
        assertThat(response.statusCode()).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Computes the PKCE S256 code challenge: the unpadded base64url SHA-256 of the verifier. */
    private static String s256Challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** Decodes the payload of a JWT without checking its signature. */
    private static JsonNode payload(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    /** Returns the audiences of a token. Keycloak writes a single audience as a string, not an array. */
    private static List<String> audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isTextual() ? List.of(aud.asText()) : textValues(aud);
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }
}
