package org.camrin.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeycloakVersionTest {

    /**
     * KeycloakTestServer looks up the zip by its own version constant, so a version bump in the
     * parent pom alone would start the old distribution or fail to find the zip.
     */
    @Test
    void versionMatchesParentPom() throws Exception {
        // Surefire runs tests in the module folder, so the parent pom is one level up.
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher version = Pattern.compile("<keycloak\\.version>([^<]+)</keycloak\\.version>").matcher(pom);

        assertThat(version.find()).as("keycloak.version in the parent pom").isTrue();
        assertThat(KeycloakTestServer.KEYCLOAK_VERSION).isEqualTo(version.group(1).trim());
    }
}
