package org.camrin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole benchmark at tiny sizes on the real servers. It checks that every measure runs
 * and is reported, not how fast anything is: timings on a shared build machine prove nothing.
 */
class ProgrammeBenchmarkSmokeTest {

    @TempDir
    Path folder;

    @Test
    void reportHasEveryRow() throws Exception {
        Path chart = folder.resolve("chart.svg");
        BenchmarkOptions options = BenchmarkOptions.parse("--events", "200", "--sizes", "1000,2000",
                "--commands", "50", "--replay-timeout", "120", "--svg", chart.toString());

        Report report = ProgrammeBenchmark.run(options);

        List<Report.Row> rows = report.rows();
        assertThat(rows).hasSize(8);
        assertThat(rows).extracting(Report.Row::measure).containsExactly(
                "create-project commands (200, sequential)",
                "create-project commands (200, sequential)",
                "events reaching Kafka through the publisher processor",
                "events reaching Kafka through the publisher processor",
                "rename commands, 1,000 events stored",
                "projection replay, 1,000 events stored",
                "rename commands, 2,000 events stored",
                "projection replay, 2,000 events stored");
        for (Report.Row row : rows) {
            assertThat(row.service()).as("service rate of " + row.measure()).isPositive();
            assertThat(row.baselineRate()).as("baseline rate of " + row.measure()).isPositive();
            assertThat(row.note()).as("note of " + row.measure()).isEmpty();
        }

        String markdown = report.toMarkdown();
        assertThat(markdown).contains("cores").contains("java -version: openjdk version");
        assertThat(markdown).contains("| projection replay at 2000 |");

        String svg = Files.readString(chart);
        assertThat(svg).startsWith("<svg");
        assertThat(svg).contains("rename commands, 2,000 events stored");
        assertThat(svg.split("fill=\"#1f5fa8\"", -1)).hasSize(8 + 2);
    }

    @Test
    void optionsRejectDescendingSizes() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--sizes", "100000,10000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascending");
    }

    @Test
    void quickOptionSetsTwoSizes() {
        assertThat(BenchmarkOptions.parse("--quick").sizes()).containsExactly(10_000, 100_000);
        assertThat(BenchmarkOptions.parse().sizes()).containsExactly(10_000, 100_000, 1_000_000);
    }
}
