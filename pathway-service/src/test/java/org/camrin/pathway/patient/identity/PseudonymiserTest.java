package org.camrin.pathway.patient.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class PseudonymiserTest {

    @Test
    void developmentSecretWarnsOnce(CapturedOutput output) {
        new Pseudonymiser(Pseudonymiser.DEVELOPMENT_SECRET);

        assertThat(output.getOut().lines().filter(line -> line.contains("WARN"))
                .filter(line -> line.contains("reversible"))
                .filter(line -> line.contains("PATHWAY_PSEUDONYM_SECRET"))).hasSize(1);
    }

    @Test
    void ownSecretDoesNotWarn(CapturedOutput output) {
        new Pseudonymiser("a-private-secret-of-at-least-32-characters");

        assertThat(output.getOut()).doesNotContain("PATHWAY_PSEUDONYM_SECRET");
    }

    @Test
    void developmentSecretMatchesConfiguredDefault() throws Exception {
        String configuration = Files.readString(Path.of("src/main/resources/application.yml"));

        assertThat(configuration).contains("${PATHWAY_PSEUDONYM_SECRET:" + Pseudonymiser.DEVELOPMENT_SECRET + "}");
    }
}
