package org.camrin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.sun.management.OperatingSystemMXBean;

/**
 * Measures the programme service on real backends (embedded PostgreSQL 17, mongo-java-server and
 * a Kafka KRaft broker, all in this JVM) against plain JDBC and Kafka clients doing the same
 * writes and reads, and prints a Markdown table of the rates.
 *
 * <p>Every measure runs sequentially on one thread, so the numbers show per-request cost on a
 * shared machine, not the service's capacity under concurrent load.
 */
public final class ProgrammeBenchmark {

    private ProgrammeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException invalid) {
            System.err.println(invalid.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(options);
        System.out.print(report.toMarkdown());
        // The embedded Kafka broker and the clients leave non-daemon threads behind.
        System.exit(0);
    }

    /** Runs every measure and returns the report; writes the chart when the options name a file. */
    static Report run(BenchmarkOptions options) throws Exception {
        Report report = new Report(describeMachine(options));
        Phases phases = new Phases(System.err);

        long started = System.nanoTime();
        ServiceUnderTest.Servers servers = ServiceUnderTest.startServers();
        long serversUp = System.nanoTime();
        phases.record("start PostgreSQL, mongo-java-server and Kafka", started, serversUp);

        try (ServiceUnderTest service = ServiceUnderTest.boot(servers)) {
            phases.record("boot the programme service", serversUp, System.nanoTime());

            CreateProjectBenchmark.Result created = new CreateProjectBenchmark(service, phases).run(options.events());
            addCreateRows(report, options.events(), created);

            StoreSizeBenchmark sizes = new StoreSizeBenchmark(service, phases, created.aggregateType(),
                    created.projectIds());
            sizes.stopProcessors();
            for (int size : options.sizes()) {
                StoreSizeBenchmark.Result result = sizes.run(size, options.commands(), options.replayTimeout());
                addSizeRows(report, size, result);
            }
        }
        report.addPhases(phases.all());

        if (options.svg() != null) {
            writeChart(options.svg(), report);
        }
        return report;
    }

    private static void addCreateRows(Report report, int events, CreateProjectBenchmark.Result result) {
        String commands = String.format(Locale.ROOT, "create-project commands (%,d, sequential)", events);
        report.add(commands, result.commandsPerSecond(), "raw JDBC insert, 1 row per transaction",
                result.rawInsertPerSecond(), "");
        report.add(commands, result.commandsPerSecond(), "raw JDBC insert, 500 rows per transaction",
                result.rawBatchPerSecond(), "");
        String kafka = "events reaching Kafka through the publisher processor";
        report.add(kafka, result.kafkaPerSecond(), "raw producer, acks=all, waiting for each ack",
                result.rawProducerAckedPerSecond(), "");
        report.add(kafka, result.kafkaPerSecond(), "raw producer, acks=all, async sends, one flush",
                result.rawProducerBatchedPerSecond(), "");
    }

    private static void addSizeRows(Report report, int size, StoreSizeBenchmark.Result result) {
        String stored = String.format(Locale.ROOT, "%,d events stored", result.storedEvents());
        report.add("rename commands, " + stored, result.commandsPerSecond(),
                "raw JDBC load, deserialize and append", result.rawAppendsPerSecond(), "");
        String note = result.replayFinished() ? ""
                : String.format(Locale.ROOT, "stopped at the time limit after %.0f%%", 100 * result.replayedShare());
        report.add("projection replay, " + stored, result.replayPerSecond(),
                "raw JDBC read and deserialize in global order", result.rawReadPerSecond(), note);
    }

    private static void writeChart(Path svg, Report report) throws IOException {
        Path parent = svg.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(svg, RateChart.render("Programme service against plain baselines", report.rows()),
                StandardCharsets.UTF_8);
        System.err.println("Chart written to " + svg);
    }

    /** Describes the date, processor, cores, memory and Java runtime for the top of the report. */
    static String describeMachine(BenchmarkOptions options) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        StringBuilder out = new StringBuilder();
        out.append("Programme service benchmark, ").append(LocalDate.now()).append("\n\n");
        out.append("- machine: ").append(cpuModel()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(os.getTotalMemorySize() >> 30).append(" GiB memory, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append('\n');
        out.append("- java -version: ").append(javaVersion()).append('\n');
        out.append("- heap: max ").append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB\n");
        out.append(String.format(Locale.ROOT, "- options: %,d create commands, %,d rename commands a size, sizes %s, "
                + "replay limit %d s", options.events(), options.commands(), options.sizes(),
                options.replayTimeout().toSeconds()));
        return out.toString();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown processor");
        } catch (IOException unreadable) {
            return "unknown processor";
        }
    }

    /** Runs {@code java -version} of this JVM's installation and joins its lines. */
    private static String javaVersion() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().map(String::strip).toList();
            process.waitFor();
            return String.join("; ", lines);
        } catch (IOException failed) {
            return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return System.getProperty("java.runtime.version");
        }
    }
}
