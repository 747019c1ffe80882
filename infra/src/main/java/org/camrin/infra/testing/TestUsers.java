package org.camrin.infra.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camrin.identity.security.CamrinJwtAuthenticationConverter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signs MockMvc requests in as a user with a token shaped like Keycloak's, converted by the same
 * converter the service uses. The end-to-end tests use real Keycloak tokens.
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static RequestPostProcessor user(String username, String trust, String... roles) {
        Jwt jwt = Jwt.withTokenValue("test-token")
                .header("alg", "RS256")
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .claim("preferred_username", username)
                .claim("trust", trust)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
        return SecurityMockMvcRequestPostProcessors.authentication(new CamrinJwtAuthenticationConverter().convert(jwt));
    }

    /** Signs in as a programme manager at Liverpool University Hospitals (REM). */
    public static RequestPostProcessor programmeManager() {
        return user("programme-manager.rem", "REM", "programme-manager");
    }

    /** Signs in as a clinician at Wirral University Teaching Hospital (RBL), who may read but not manage. */
    public static RequestPostProcessor clinician() {
        return user("clinician.rbl", "RBL", "clinician");
    }
}
