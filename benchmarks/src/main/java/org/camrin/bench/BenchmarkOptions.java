package org.camrin.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of one benchmark run, read from the command line.
 *
 * @param events        create-project commands sent for the event store and Kafka measures
 * @param commands      rename commands sent at each store size, and raw appends beside them
 * @param sizes         events stored before each command and replay measure, ascending
 * @param replayTimeout longest wait for one replay; a slower replay is reported as partial
 * @param svg           where to write the bar chart of the rates, or null for none
 */
record BenchmarkOptions(int events, int commands, List<Integer> sizes, Duration replayTimeout, Path svg) {

    static final List<Integer> DEFAULT_SIZES = List.of(10_000, 100_000, 1_000_000);
    static final List<Integer> QUICK_SIZES = List.of(10_000, 100_000);

    static final String USAGE = """
            Usage: camrin bench [--quick] [--sizes N,N,...] [--events N] [--commands N]
                                [--replay-timeout SECONDS] [--svg FILE]
              --sizes N,N,...          events stored before each command and replay measure
                                       (default 10000,100000,1000000)
              --quick                  same as --sizes 10000,100000
              --events N               create-project commands for the event store and Kafka
                                       measures (default 10000)
              --commands N             rename commands at each store size (default 2000)
              --replay-timeout SECONDS longest wait for one projection replay (default 600)
              --svg FILE               also write a bar chart of the rates as SVG to FILE
            """;

    static BenchmarkOptions parse(String... args) {
        int events = 10_000;
        int commands = 2_000;
        List<Integer> sizes = DEFAULT_SIZES;
        Duration replayTimeout = Duration.ofSeconds(600);
        Path svg = null;

        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--quick" -> sizes = QUICK_SIZES;
                case "--sizes" -> sizes = parseSizes(value(args, ++i, option));
                case "--events" -> events = positive(value(args, ++i, option), option);
                case "--commands" -> commands = positive(value(args, ++i, option), option);
                case "--replay-timeout" -> replayTimeout = Duration.ofSeconds(positive(value(args, ++i, option), option));
                case "--svg" -> svg = Path.of(value(args, ++i, option));
                default -> throw new IllegalArgumentException("Unknown option '" + option + "'.\n" + USAGE);
            }
        }
        return new BenchmarkOptions(events, commands, sizes, replayTimeout, svg);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException("Option " + option + " needs a value.\n" + USAGE);
        }
        return args[index];
    }

    private static int positive(String text, String option) {
        try {
            int value = Integer.parseInt(text.replace("_", ""));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException invalid) {
            // Reported below with the option's name.
        }
        throw new IllegalArgumentException("Option " + option + " needs a whole number above 0, but got '"
                + text + "'.");
    }

    private static List<Integer> parseSizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            int size = positive(part.strip(), "--sizes");
            if (!sizes.isEmpty() && size <= sizes.get(sizes.size() - 1)) {
                throw new IllegalArgumentException("Option --sizes needs ascending sizes, such as "
                        + "10000,100000, but got '" + text + "'.");
            }
            sizes.add(size);
        }
        return List.copyOf(sizes);
    }
}
