package org.camrin.data.imports.parsing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.camrin.data.imports.api.Counts;
import org.camrin.data.imports.api.OrganisationFigures;
import org.camrin.data.imports.api.OrganisationFigures.TestCounts;
import org.camrin.data.imports.parsing.RowParsers.RowParser;

/**
 * Reads a DM01 file record by record with Commons CSV, validates each row and adds the network
 * organisations' rows up per organisation, month and test. The file itself is never held whole.
 * Memory grows with the number of network organisation-months (a few hundred), plus 16 to 32
 * bytes per row for duplicate detection.
 */
public final class DataFileParser {

    private static final Pattern FILE_NAME_PERIOD = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int PROGRESS_EVERY_ROWS = 2_000;

    /** Receives every rejected row as soon as it is found, so the report need not sit in memory. */
    public interface RejectionSink {
        void accept(RowRejection rejection);
    }

    /** Receives progress while the file is read. */
    public interface ProgressListener {
        void progress(long bytesRead, long rowsRead);
    }

    /**
     * Options of one read.
     *
     * @param fileName        the uploaded file's name; a waiting-bands file takes its period from it
     * @param periodOverride  the month of a waiting-bands file, which has no period column; may be null
     * @param latestPeriod    the last month a file may report; later months are unknown periods
     * @param networkOrganisation whether an ODS code's figures are kept (network trusts and their predecessors)
     */
    public record Options(String fileName, YearMonth periodOverride, YearMonth latestPeriod,
            Predicate<String> networkOrganisation) {
    }

    private DataFileParser() {
    }

    /**
     * Reads the whole stream.
     *
     * @throws FileRejectedException when the file is empty, has no data rows, has an unknown
     *                               header or is not valid CSV
     */
    public static ParsedFile parse(InputStream input, Options options, RejectionSink rejections,
            ProgressListener progress) {
        CountingInputStream counted = new CountingInputStream(input);
        Reader reader = withoutByteOrderMark(new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8)));
        requirePeriodInRange(options);
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(csvFormat()).get()) {
            FileFormat format = detect(parser.getHeaderNames());
            YearMonth filePeriod = format == FileFormat.PROVIDER_WAITING_BANDS
                    ? filePeriod(options)
                    : null;
            return readRows(parser, format, RowParsers.forFormat(format, filePeriod, options.latestPeriod()), options,
                    rejections, progress, counted);
        } catch (IOException | UncheckedIOException | IllegalStateException unreadable) {
            throw notCsv(unreadable);
        } catch (IllegalArgumentException badHeader) {
            throw badHeader(badHeader);
        }
    }

    private static CSVFormat csvFormat() {
        return CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .get();
    }

    private static FileFormat detect(List<String> header) {
        if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
            throw new FileRejectedException("The file is empty. Send a CSV file with a header row and at least "
                    + "one data row. Accepted formats: " + FileFormat.acceptedFormats() + ".");
        }
        return FileFormat.detect(header).orElseThrow(() -> new FileRejectedException(
                "The header row matches no accepted format. Found: " + String.join(",", header)
                        + ". Accepted formats: " + FileFormat.acceptedFormats() + "."));
    }

    private static FileRejectedException headerOnly() {
        return new FileRejectedException("The file has a header row but no data rows. Send a file with at least "
                + "one row of figures.");
    }

    private static FileRejectedException notCsv(Exception unreadable) {
        return new FileRejectedException("The file is not valid CSV: " + rootMessage(unreadable)
                + ". Check quotes around values that contain commas.");
    }

    private static FileRejectedException badHeader(IllegalArgumentException error) {
        return new FileRejectedException("The header row is not valid: " + error.getMessage()
                + ". Accepted formats: " + FileFormat.acceptedFormats() + ".");
    }

    /**
     * Reads only the header and looks for a first data row, so a request is rejected at once when
     * the whole file is unusable. Returns the detected format.
     *
     * @throws FileRejectedException as {@link #parse} does for file-level problems
     */
    public static FileFormat checkHeader(InputStream input, Options options) {
        requirePeriodInRange(options);
        Reader reader = withoutByteOrderMark(new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8)));
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(csvFormat()).get()) {
            FileFormat format = detect(parser.getHeaderNames());
            if (format == FileFormat.PROVIDER_WAITING_BANDS) {
                filePeriod(options);
            }
            if (!parser.iterator().hasNext()) {
                throw headerOnly();
            }
            return format;
        } catch (IOException | UncheckedIOException | IllegalStateException unreadable) {
            throw notCsv(unreadable);
        } catch (IllegalArgumentException badHeader) {
            throw badHeader(badHeader);
        }
    }

    private static ParsedFile readRows(CSVParser parser, FileFormat format, RowParser rowParser, Options options,
            RejectionSink rejections, ProgressListener progress, CountingInputStream counted) {
        Map<String, FigureBuilder> figures = new LinkedHashMap<>();
        TreeSet<String> periods = new TreeSet<>();
        LongLongMap seenKeys = new LongLongMap();
        long rowsRead = 0;
        long accepted = 0;
        long rejected = 0;
        long fatal = 0;
        long outside = 0;
        long previousLine = parser.getCurrentLineNumber();

        for (CSVRecord record : parser) {
            long line = previousLine + 1;
            previousLine = parser.getCurrentLineNumber();
            rowsRead++;
            try {
                ParsedRow row = rowParser.parse(record);
                long earlierLine = seenKeys.putIfAbsent(LongLongMap.hash(row.key()), line);
                if (earlierLine >= 0) {
                    throw new RowRejectedException("duplicate row: same " + describeKey(format) + " as line "
                            + earlierLine);
                }
                accepted++;
                periods.add(row.period().toString());
                if (options.networkOrganisation().test(row.odsCode())) {
                    figures.computeIfAbsent(row.odsCode() + "|" + row.period(),
                            key -> new FigureBuilder(row.odsCode(), row.name(), row.period())).add(row);
                } else {
                    outside++;
                }
            } catch (RowRejectedException rejection) {
                rejected++;
                if (rejection.fatal()) {
                    fatal++;
                }
                rejections.accept(new RowRejection(line, rejection.getMessage(), rejection.fatal()));
            }
            if (rowsRead % PROGRESS_EVERY_ROWS == 0) {
                progress.progress(counted.count(), rowsRead);
            }
        }
        progress.progress(counted.count(), rowsRead);

        if (rowsRead == 0) {
            throw headerOnly();
        }
        List<OrganisationFigures> result = figures.values().stream()
                .map(FigureBuilder::build)
                .sorted(Comparator.comparing(OrganisationFigures::odsCode).thenComparing(OrganisationFigures::period))
                .toList();
        return new ParsedFile(format, List.copyOf(periods), rowsRead, accepted, rejected, fatal, outside, result);
    }

    private static String describeKey(FileFormat format) {
        return switch (format) {
            case DM01_FULL_EXTRACT -> "period, provider, commissioner and diagnostic test";
            case PROVIDER_TOTAL_WAITING_LIST -> "provider and month";
            case PROVIDER_WAITING_BANDS -> "provider";
        };
    }

    /**
     * Rejects a {@code period} value outside the DM01 months, whatever the file's format, so a
     * request with an impossible month changes nothing.
     */
    private static void requirePeriodInRange(Options options) {
        YearMonth period = options.periodOverride();
        if (period != null && outOfRange(period, options)) {
            throw new FileRejectedException("period", "The period " + period + " is not a DM01 month: send a month "
                    + "from " + RowParsers.FIRST_PERIOD + " to " + options.latestPeriod() + " as period=YYYY-MM.");
        }
    }

    private static boolean outOfRange(YearMonth period, Options options) {
        return period.isBefore(RowParsers.FIRST_PERIOD) || period.isAfter(options.latestPeriod());
    }

    private static YearMonth filePeriod(Options options) {
        if (options.periodOverride() != null) {
            return options.periodOverride();
        }
        Matcher matcher = FILE_NAME_PERIOD.matcher(options.fileName() == null ? "" : options.fileName());
        while (matcher.find()) {
            int month = Integer.parseInt(matcher.group(2));
            if (month >= 1 && month <= 12) {
                YearMonth period = YearMonth.of(Integer.parseInt(matcher.group(1)), month);
                if (outOfRange(period, options)) {
                    throw new FileRejectedException("period", "The file name '" + options.fileName() + "' gives the "
                            + "period " + period + ", which is not a DM01 month: DM01 months run from "
                            + RowParsers.FIRST_PERIOD + " to " + options.latestPeriod() + ". Send the right month as "
                            + "period=YYYY-MM or correct the file name.");
                }
                return period;
            }
        }
        throw new FileRejectedException("The " + FileFormat.PROVIDER_WAITING_BANDS.description() + " format has no "
                + "period column. Send the month as period=YYYY-MM, or put YYYY-MM in the file name.");
    }

    private static Reader withoutByteOrderMark(BufferedReader reader) {
        try {
            reader.mark(1);
            int first = reader.read();
            if (first != BYTE_ORDER_MARK) {
                reader.reset();
            }
            return reader;
        } catch (IOException unreadable) {
            throw new FileRejectedException("The file cannot be read: " + unreadable.getMessage());
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName());
    }

    /** Adds up the rows of one organisation and month, in total and per test. */
    private static final class FigureBuilder {
        private final String odsCode;
        private final String name;
        private final YearMonth period;
        private Counts total = Counts.NONE;
        private final Map<String, Counts> tests = new LinkedHashMap<>();

        FigureBuilder(String odsCode, String name, YearMonth period) {
            this.odsCode = odsCode;
            this.name = name;
            this.period = period;
        }

        void add(ParsedRow row) {
            total = total.plus(row.counts());
            if (row.test() != null) {
                tests.merge(row.test(), row.counts(), Counts::plus);
            }
        }

        OrganisationFigures build() {
            List<TestCounts> perTest = new ArrayList<>();
            tests.forEach((test, counts) -> perTest.add(new TestCounts(test, counts)));
            return new OrganisationFigures(odsCode, name, period.toString(), total, perTest);
        }
    }
}
