package org.camrin.data.imports.parsing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CSV layouts the import accepts, each recognised by its exact header row (compared without
 * case and surrounding spaces).
 */
public enum FileFormat {

    /** NHS England's DM01 monthly full extract: one row per month, provider, commissioner and test. */
    DM01_FULL_EXTRACT("NHS England DM01 monthly full extract (30 columns)", fullExtractHeader()),

    /** One row per provider and month with the total waiting list only. */
    PROVIDER_TOTAL_WAITING_LIST("provider-level monthly total waiting list",
            List.of("code", "trust_name", "total_waiting_list", "Date")),

    /** One row per provider for a single month, with the 6+ and 13+ week counts. */
    PROVIDER_WAITING_BANDS("provider-level waiting bands for one month",
            List.of("org_code", "name", "count_total_waiting_list", "count_waiting_6_plus_weeks",
                    "count_waiting_13_plus_weeks", "perc_waiting_6_plus_weeks", "per_waiting_13_plus_weeks"));

    /** Names of the fourteen DM01 waiting-time bands, from under 1 week to 13 weeks and over. */
    static final List<String> WAITING_BANDS = waitingBands();

    private final String description;
    private final List<String> header;

    FileFormat(String description, List<String> header) {
        this.description = description;
        this.header = List.copyOf(header);
    }

    public String description() {
        return description;
    }

    public List<String> header() {
        return header;
    }

    /** Finds the format whose header matches the file's header row. */
    public static Optional<FileFormat> detect(List<String> fileHeader) {
        List<String> normalised = fileHeader.stream().map(FileFormat::normalise).toList();
        return Arrays.stream(values())
                .filter(format -> format.header.stream().map(FileFormat::normalise).toList().equals(normalised))
                .findFirst();
    }

    /** A description of every accepted format with its header, for error messages. */
    public static String acceptedFormats() {
        return Arrays.stream(values())
                .map(format -> format.description + ": " + String.join(",", format.header))
                .collect(Collectors.joining("; "));
    }

    static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<String> fullExtractHeader() {
        List<String> columns = new ArrayList<>(List.of("Period", "Provider Parent Org Code", "Provider Parent Name",
                "Provider Org Code", "Provider Org Name", "Commissioner Parent Org Code", "Commissioner Parent Name",
                "Commissioner Org Code", "Commissioner Org Name", "Diagnostic Tests Sort Order", "Diagnostic Tests"));
        columns.addAll(waitingBands());
        columns.addAll(List.of("Total WL", "Waiting List Activity", "Planned Activity", "Unscheduled Activity",
                "Total Activity"));
        return columns;
    }

    private static List<String> waitingBands() {
        List<String> bands = new ArrayList<>();
        bands.add("00 < 01 Week");
        for (int week = 1; week < 13; week++) {
            bands.add(String.format(Locale.ROOT, "%02d < %02d Weeks", week, week + 1));
        }
        bands.add("13+ Weeks");
        return List.copyOf(bands);
    }
}
