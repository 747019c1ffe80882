package org.camrin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's result table: each measure's service rate beside a plain baseline's rate. */
final class Report {

    /**
     * One compared measure, both rates in events a second.
     *
     * @param note shown after the row, for example when a replay stopped at the time limit
     */
    record Row(String measure, double service, String baseline, double baselineRate, String note) {

        double ratio() {
            return service / baselineRate;
        }
    }

    private final String machine;
    private final List<Row> rows = new ArrayList<>();
    private final List<Phases.Phase> phases = new ArrayList<>();

    Report(String machine) {
        this.machine = machine;
    }

    void add(String measure, double service, String baseline, double baselineRate, String note) {
        rows.add(new Row(measure, service, baseline, baselineRate, note));
    }

    void addPhases(List<Phases.Phase> all) {
        phases.addAll(all);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Renders the report as Markdown, readable as plain text and ready to paste into the docs. */
    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append(machine).append("\n\n");
        out.append("Rates are events (or commands) a second; the ratio is service ÷ baseline.\n\n");
        out.append("| measure | service | baseline | baseline rate | ratio |\n");
        out.append("|---|---:|---|---:|---:|\n");
        for (Row row : rows) {
            out.append("| ").append(row.measure());
            if (!row.note().isEmpty()) {
                out.append(" (").append(row.note()).append(')');
            }
            out.append(" | ").append(number(row.service()))
                    .append(" | ").append(row.baseline())
                    .append(" | ").append(number(row.baselineRate()))
                    .append(" | ").append(ratio(row.ratio()))
                    .append(" |\n");
        }
        out.append("\n| phase | seconds |\n|---|---:|\n");
        double total = 0;
        for (Phases.Phase phase : phases) {
            out.append("| ").append(phase.name()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", phase.seconds())).append(" |\n");
            total += phase.seconds();
        }
        out.append(String.format(Locale.ROOT, "| all phases above | %.1f |%n", total));
        return out.toString();
    }

    /** Formats a ratio to two significant figures, so a ratio far below 1 does not print as 0.00. */
    static String ratio(double value) {
        return value >= 1 ? String.format(Locale.ROOT, "%.2f", value)
                : new java.math.BigDecimal(value).round(new java.math.MathContext(2)).toPlainString();
    }

    static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
