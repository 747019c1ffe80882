package org.camrin.data.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camrin.data.imports.parsing.DataFileParser;
import org.camrin.data.imports.parsing.FullExtractFiles;
import org.camrin.data.imports.parsing.ParsedFile;

/**
 * Measures the import's streaming read (validation, duplicate check and adding up per
 * organisation, month and test) against plain Commons CSV parsing of the same generated DM01
 * full extract, in one JVM. Not a unit test: run it by hand and copy the table into
 * docs/benchmarks.md.
 *
 * <p>Arguments: {@code [--largest]} adds the 1,500,000-row file (about 5 minutes on 2 cores).
 */
public final class ImportBenchmark {

    private static final String[] TESTS = {"Magnetic Resonance Imaging", "Computed Tomography",
            "Non-obstetric Ultrasound", "Barium Enema", "DEXA Scan", "Audiology - Audiology Assessments",
            "Cardiology - Echocardiography", "Cardiology - Electrophysiology", "Neurophysiology - Peripheral Neurophysiology",
            "Respiratory physiology - Sleep Studies", "Urodynamics - Pressures & Flows", "Colonoscopy",
            "Flexi Sigmoidoscopy", "Cystoscopy", "Gastroscopy"};
    private static final Set<String> NETWORK = Set.of("RBS", "RJR", "RBQ", "REM", "REP", "RBT", "RBN", "RVY", "REN",
            "RET", "RWW", "RBL");
    private static final int RUNS = 3;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        boolean largest = List.of(args).contains("--largest");
        List<Integer> sizes = new ArrayList<>(List.of(15_000, 150_000));
        if (largest) {
            sizes.add(1_500_000);
        }
        System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| rows | file MiB | plain CSV parse s | import read s | import rows/s | import / plain |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int rows : sizes) {
            Path file = generate(rows);
            try {
                double plain = Double.MAX_VALUE;
                double imported = Double.MAX_VALUE;
                // Warm-up run, then the best of RUNS, so JIT compilation is not measured.
                plainParse(file);
                importRead(file);
                for (int run = 0; run < RUNS; run++) {
                    plain = Math.min(plain, plainParse(file));
                    imported = Math.min(imported, importRead(file));
                }
                System.out.printf(Locale.ROOT, "| %,d | %.1f | %.3f | %.3f | %,.0f | %.2f |%n", rows,
                        Files.size(file) / 1048576.0, plain, imported, rows / imported, imported / plain);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Writes a full extract of about the given number of rows for one month. */
    static Path generate(int rows) throws IOException {
        Path file = Files.createTempFile("dm01-benchmark-", ".csv");
        int commissioners = 22;
        int providers = Math.max(1, rows / (TESTS.length * commissioners));
        int written = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(FullExtractFiles.header());
            for (int provider = 0; provider < providers && written < rows; provider++) {
                String code = provider < NETWORK.size() ? NETWORK.stream().sorted().toList().get(provider)
                        : String.format(Locale.ROOT, "R%04d", provider);
                for (int commissioner = 0; commissioner < commissioners && written < rows; commissioner++) {
                    for (int test = 0; test < TESTS.length && written < rows; test++) {
                        long total = 10 + (provider * 7L + commissioner * 3L + test) % 400;
                        writer.write(FullExtractFiles.row("DM01-DEC-2020", code,
                                String.format(Locale.ROOT, "%02dX", commissioner), TESTS[test], total, total / 5,
                                total / 20, total / 2));
                        written++;
                    }
                }
            }
        }
        return file;
    }

    private static double plainParse(Path file) throws IOException {
        long start = System.nanoTime();
        long fields = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader)
                        .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord record : parser) {
                fields += record.size();
            }
        }
        if (fields == 0) {
            throw new IllegalStateException("No fields parsed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double importRead(Path file) throws IOException {
        long start = System.nanoTime();
        ParsedFile parsed;
        try (InputStream input = Files.newInputStream(file)) {
            parsed = DataFileParser.parse(input, new DataFileParser.Options(file.getFileName().toString(), null,
                    YearMonth.of(2026, 12), NETWORK::contains), rejection -> {
                        throw new IllegalStateException("Generated row rejected: " + rejection);
                    }, (bytes, rows) -> { });
        }
        if (parsed.figures().isEmpty()) {
            throw new IllegalStateException("No network figures read");
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
