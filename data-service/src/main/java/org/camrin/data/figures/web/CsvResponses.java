package org.camrin.data.figures.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camrin.data.figures.query.WaitingListFigures;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Writes figures as CSV, chosen by {@code Accept: text/csv} or {@code ?format=csv}. */
final class CsvResponses {

    static final MediaType TEXT_CSV = new MediaType("text", "csv");

    private static final String[] FIGURE_COLUMNS = {"ods_code", "name", "period", "test", "includes",
            "total_waiting_list", "waiting_6_plus_weeks", "share_6_plus_weeks", "waiting_13_plus_weeks",
            "share_13_plus_weeks", "standard_share", "meets_standard", "activity", "estimated_demand",
            "change_in_waiting_list"};

    private CsvResponses() {
    }

    /** Checks whether the request prefers CSV to JSON. */
    static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            return format.equalsIgnoreCase("csv");
        }
        return accept != null && accept.toLowerCase().contains("text/csv");
    }

    /** Writes one row per trust or network and month, then one row per test where the data has tests. */
    static ResponseEntity<String> figures(List<WaitingListFigures> figures, String fileName) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(FIGURE_COLUMNS).get())) {
            for (WaitingListFigures row : figures) {
                printer.printRecord(row.odsCode(), row.name(), row.period(), "", String.join(" ", row.includes()),
                        row.totalWaitingList(), row.waiting6PlusWeeks(), row.share6PlusWeeks(),
                        row.waiting13PlusWeeks(), row.share13PlusWeeks(), row.standardShare(), row.meetsStandard(),
                        row.activity(), row.estimatedDemand(), row.changeInWaitingList());
                for (WaitingListFigures.TestFigures test : row.tests()) {
                    printer.printRecord(row.odsCode(), row.name(), row.period(), test.test(), "",
                            test.totalWaitingList(), test.waiting6PlusWeeks(), test.share6PlusWeeks(),
                            test.waiting13PlusWeeks(), test.share13PlusWeeks(), row.standardShare(), "",
                            test.activity(), test.estimatedDemand(), test.changeInWaitingList());
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                .body(out.toString());
    }
}
