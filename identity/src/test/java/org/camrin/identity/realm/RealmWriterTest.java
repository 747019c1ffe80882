package org.camrin.identity.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealmWriterTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesDevelopmentRealm() throws Exception {
        Path output = folder.resolve("import/camrin-realm.json");

        int status = RealmWriter.run(new String[] {"--development", output.toString()}, err);

        assertThat(status).isZero();
        assertThat(mapper.readTree(output.toFile())).isEqualTo(RealmFiles.development());
    }

    @Test
    void writesProductionRealm() throws Exception {
        Path output = folder.resolve("camrin-realm.json");

        int status = RealmWriter.run(new String[] {"--production", output.toString()}, err);

        assertThat(status).isZero();
        assertThat(mapper.readTree(output.toFile())).isEqualTo(RealmFiles.production());
    }

    @Test
    void writesPrettyJson() throws Exception {
        Path output = folder.resolve("camrin-realm.json");

        RealmWriter.run(new String[] {"--production", output.toString()}, err);

        assertThat(Files.readAllLines(output)).hasSizeGreaterThan(100);
    }

    @Test
    void rejectsUnknownOption() throws Exception {
        Path output = folder.resolve("camrin-realm.json");

        int status = RealmWriter.run(new String[] {"--staging", output.toString()}, err);

        assertThat(status).isEqualTo(2);
        assertThat(output).doesNotExist();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("--staging").contains("Usage:");
    }

    @Test
    void rejectsMissingOutputFile() throws Exception {
        int status = RealmWriter.run(new String[] {"--development"}, err);

        assertThat(status).isEqualTo(2);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("Usage:");
    }
}
