package org.camrin.data.imports.parsing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.camrin.data.imports.api.Counts;

/** Reads and validates one row of each accepted format. */
final class RowParsers {

    /** DM01 has been published since 2006; an earlier month cannot be a DM01 period. */
    static final YearMonth FIRST_PERIOD = YearMonth.of(2006, 1);

    private static final Pattern FULL_EXTRACT_PERIOD = Pattern.compile("DM01-([A-Za-z]{3})-(\\d{4})");
    private static final DateTimeFormatter MONTH_ABBREVIATION = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("MMM").toFormatter(Locale.ENGLISH);

    private RowParsers() {
    }

    /** Reads one row of a format into counts, or rejects it with a reason. */
    interface RowParser {
        ParsedRow parse(CSVRecord record) throws RowRejectedException;
    }

    static RowParser forFormat(FileFormat format, YearMonth filePeriod, YearMonth latestPeriod) {
        return switch (format) {
            case DM01_FULL_EXTRACT -> record -> fullExtractRow(record, latestPeriod);
            case PROVIDER_TOTAL_WAITING_LIST -> record -> providerTotalRow(record, latestPeriod);
            case PROVIDER_WAITING_BANDS -> record -> providerBandsRow(record, filePeriod);
        };
    }

    private static ParsedRow fullExtractRow(CSVRecord record, YearMonth latestPeriod) throws RowRejectedException {
        List<String> header = FileFormat.DM01_FULL_EXTRACT.header();
        requireColumns(record, header);
        String provider = value(record, 3);
        String commissioner = value(record, 7);
        String test = value(record, 10);
        if (isTotal(provider) || isTotal(commissioner) || isTotal(test) || isTotal(value(record, 4))
                || isTotal(value(record, 8))) {
            throw new RowRejectedException("TOTAL row: it repeats the sum of other rows, so it is left out "
                    + "to avoid counting patients twice", false);
        }
        YearMonth period = fullExtractPeriod(value(record, 0), latestPeriod);
        requireText(provider, header.get(3));
        requireText(test, header.get(10));

        long[] bands = new long[FileFormat.WAITING_BANDS.size()];
        for (int band = 0; band < bands.length; band++) {
            bands[band] = count(record, 11 + band, header);
        }
        long total = count(record, 25, header);
        for (int column = 26; column < 29; column++) {
            count(record, column, header);
        }
        long activity = count(record, 29, header);
        long sixPlus = 0;
        for (int band = 6; band < bands.length; band++) {
            sixPlus += bands[band];
        }
        long thirteenPlus = bands[bands.length - 1];

        String key = period + "|" + provider + "|" + commissioner + "|" + test;
        return new ParsedRow(key, provider, value(record, 4), period, test,
                new Counts(total, sixPlus, thirteenPlus, activity));
    }

    private static ParsedRow providerTotalRow(CSVRecord record, YearMonth latestPeriod) throws RowRejectedException {
        List<String> header = FileFormat.PROVIDER_TOTAL_WAITING_LIST.header();
        requireColumns(record, header);
        String code = value(record, 0);
        if (isTotal(code) || isTotal(value(record, 1))) {
            throw new RowRejectedException("TOTAL row: it repeats the sum of other rows, so it is left out "
                    + "to avoid counting patients twice", false);
        }
        requireText(code, header.get(0));
        long total = count(record, 2, header);
        YearMonth period = datePeriod(value(record, 3), header.get(3), latestPeriod);
        return new ParsedRow(period + "|" + code, code, value(record, 1), period, null,
                new Counts(total, null, null, null));
    }

    private static ParsedRow providerBandsRow(CSVRecord record, YearMonth period) throws RowRejectedException {
        List<String> header = FileFormat.PROVIDER_WAITING_BANDS.header();
        requireColumns(record, header);
        String code = value(record, 0);
        if (isTotal(code) || isTotal(value(record, 1))) {
            throw new RowRejectedException("TOTAL row: it repeats the sum of other rows, so it is left out "
                    + "to avoid counting patients twice", false);
        }
        requireText(code, header.get(0));
        long total = count(record, 2, header);
        long sixPlus = count(record, 3, header);
        long thirteenPlus = count(record, 4, header);
        if (sixPlus > total || thirteenPlus > sixPlus) {
            throw new RowRejectedException("inconsistent counts: 13+ weeks (" + thirteenPlus + ") must not exceed "
                    + "6+ weeks (" + sixPlus + "), which must not exceed the total waiting list (" + total + ")");
        }
        // The share columns are derived from the counts; the service computes shares itself.
        return new ParsedRow(code, code, value(record, 1), period, null, new Counts(total, sixPlus, thirteenPlus, null));
    }

    private static void requireColumns(CSVRecord record, List<String> header) throws RowRejectedException {
        if (record.size() < header.size()) {
            throw new RowRejectedException("missing column: the row has " + record.size() + " values but the header "
                    + "has " + header.size() + ", so '" + header.get(record.size()) + "' and any after it are missing");
        }
        if (record.size() > header.size()) {
            throw new RowRejectedException("too many columns: the row has " + record.size() + " values but the header "
                    + "has " + header.size());
        }
    }

    private static void requireText(String value, String column) throws RowRejectedException {
        if (value.isEmpty()) {
            throw new RowRejectedException("missing value in column '" + column + "'");
        }
    }

    /** Reads a non-negative whole number; "NA", blanks, decimals and negatives are rejected. */
    static long count(CSVRecord record, int index, List<String> header) throws RowRejectedException {
        String column = header.get(index);
        String text = value(record, index);
        if (text.isEmpty()) {
            throw new RowRejectedException("missing value in column '" + column + "': a count is due");
        }
        if (text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("N/A")) {
            throw new RowRejectedException("\"" + text + "\" in column '" + column + "' where a count is due");
        }
        long number;
        try {
            number = Long.parseLong(text);
        } catch (NumberFormatException notWhole) {
            throw new RowRejectedException("'" + text + "' in column '" + column + "' is not a number: "
                    + "send a whole number of patients");
        }
        if (number < 0) {
            throw new RowRejectedException("negative count " + number + " in column '" + column + "'");
        }
        return number;
    }

    private static YearMonth fullExtractPeriod(String text, YearMonth latestPeriod) throws RowRejectedException {
        Matcher matcher = FULL_EXTRACT_PERIOD.matcher(text);
        if (!matcher.matches()) {
            throw new RowRejectedException("unknown period '" + text + "' in column 'Period': expected the form "
                    + "DM01-MMM-YYYY, for example DM01-MAY-2026");
        }
        int month;
        try {
            month = MONTH_ABBREVIATION.parse(matcher.group(1)).get(java.time.temporal.ChronoField.MONTH_OF_YEAR);
        } catch (DateTimeParseException unknownMonth) {
            throw new RowRejectedException("unknown period '" + text + "' in column 'Period': '" + matcher.group(1)
                    + "' is not a month abbreviation such as JAN or MAY");
        }
        return withinRange(YearMonth.of(Integer.parseInt(matcher.group(2)), month), text, "Period", latestPeriod);
    }

    private static YearMonth datePeriod(String text, String column, YearMonth latestPeriod) throws RowRejectedException {
        YearMonth period;
        try {
            period = YearMonth.from(LocalDate.parse(text));
        } catch (DateTimeParseException notDate) {
            try {
                period = YearMonth.parse(text);
            } catch (DateTimeParseException notMonth) {
                throw new RowRejectedException("unknown period '" + text + "' in column '" + column
                        + "': send a date as YYYY-MM-DD or a month as YYYY-MM");
            }
        }
        return withinRange(period, text, column, latestPeriod);
    }

    private static YearMonth withinRange(YearMonth period, String text, String column, YearMonth latestPeriod)
            throws RowRejectedException {
        if (period.isBefore(FIRST_PERIOD) || period.isAfter(latestPeriod)) {
            throw new RowRejectedException("unknown period '" + text + "' in column '" + column + "': DM01 periods run "
                    + "from " + FIRST_PERIOD + " to " + latestPeriod);
        }
        return period;
    }

    private static boolean isTotal(String value) {
        return value.equalsIgnoreCase("TOTAL");
    }

    private static String value(CSVRecord record, int index) {
        return record.get(index).strip();
    }
}
