package org.camrin.data.imports.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camrin.data.imports.api.OrganisationFigures;
import org.junit.jupiter.api.Test;

class DataFileParserTest {

    private static final Set<String> NETWORK = Set.of("RBS", "RJR", "RBQ", "REM", "REP", "RBT", "RBN", "RVY", "REN",
            "RET", "RWW", "RBL", "RQ6");
    private static final String TOTALS_HEADER = "code,trust_name,total_waiting_list,Date\n";
    private static final String BANDS_HEADER = "org_code,name,count_total_waiting_list,count_waiting_6_plus_weeks,"
            + "count_waiting_13_plus_weeks,perc_waiting_6_plus_weeks,per_waiting_13_plus_weeks\n";

    private final List<RowRejection> rejections = new ArrayList<>();

    @Test
    void realTotalsFileKeepsNetworkMonths() throws IOException {
        ParsedFile parsed = parseFile(Path.of("../data/dm01-2020/provider-total-waiting-list-2020-04-to-11.csv"));

        assertThat(parsed.format()).isEqualTo(FileFormat.PROVIDER_TOTAL_WAITING_LIST);
        assertThat(parsed.rowsRead()).isEqualTo(3131);
        assertThat(parsed.rowsRejected()).isZero();
        assertThat(parsed.periods()).containsExactly("2020-04", "2020-05", "2020-06", "2020-07", "2020-08", "2020-09",
                "2020-10", "2020-11");
        assertThat(parsed.figures()).hasSize(12 * 8);
        assertThat(parsed.rowsOutsideNetwork()).isEqualTo(3131 - 96);
        assertThat(figure(parsed, "REM", "2020-11").total().totalWaitingList()).isEqualTo(11579);
        assertThat(figure(parsed, "RBL", "2020-04").total().totalWaitingList()).isEqualTo(4587);
        assertThat(rejections).isEmpty();
    }

    @Test
    void realBandsFileTakesPeriodFromName() throws IOException {
        ParsedFile parsed = parseFile(Path.of("../data/dm01-2020/provider-waiting-bands-2020-12.csv"));

        assertThat(parsed.format()).isEqualTo(FileFormat.PROVIDER_WAITING_BANDS);
        assertThat(parsed.rowsRead()).isEqualTo(399);
        assertThat(parsed.rowsRejected()).isZero();
        assertThat(parsed.periods()).containsExactly("2020-12");
        OrganisationFigures rem = figure(parsed, "REM", "2020-12");
        assertThat(rem.total().totalWaitingList()).isEqualTo(10653);
        assertThat(rem.total().waiting6PlusWeeks()).isEqualTo(2664);
        assertThat(rem.total().waiting13PlusWeeks()).isEqualTo(960);
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsAccepted() {
        String file = "\uFEFF" + TOTALS_HEADER.replace("\n", "\r\n") + "REM,Liverpool University Hospitals,100,2020-11-01\r\n"
                + "RBL,Wirral,50,2020-11-01\r\n";

        ParsedFile parsed = parse(file, "totals.csv");

        assertThat(parsed.rowsAccepted()).isEqualTo(2);
        assertThat(figure(parsed, "RBL", "2020-11").total().totalWaitingList()).isEqualTo(50);
        assertThat(rejections).isEmpty();
    }

    @Test
    void quotedNamesWithCommasAccepted() {
        String file = TOTALS_HEADER + "REM,\"Liverpool University Hospitals, NHS Foundation Trust\",100,2020-11-01\n";

        ParsedFile parsed = parse(file, "totals.csv");

        assertThat(figure(parsed, "REM", "2020-11").name()).isEqualTo("Liverpool University Hospitals, NHS Foundation Trust");
    }

    @Test
    void eachMalformedRowReportedWithLineAndReason() {
        String file = TOTALS_HEADER
                + "REM,Liverpool,100,2020-11-01\n"          // line 2: valid
                + "RBL,Wirral,50\n"                          // 3: missing column
                + "RBS,Alder Hey,lots,2020-11-01\n"          // 4: not a number
                + "RJR,Chester,-4,2020-11-01\n"              // 5: negative
                + "RBQ,Heart and Chest,10,2020-13-01\n"      // 6: unknown period
                + "REP,Women's,NA,2020-11-01\n"              // 7: NA where a count is due
                + "TOTAL,All providers,999,2020-11-01\n"     // 8: TOTAL row
                + "REM,Liverpool,100,2020-11-01\n";          // 9: duplicate of line 2

        ParsedFile parsed = parse(file, "totals.csv");

        assertThat(parsed.rowsRead()).isEqualTo(8);
        assertThat(parsed.rowsAccepted()).isEqualTo(1);
        assertThat(parsed.rowsRejected()).isEqualTo(7);
        assertThat(parsed.rowsFatal()).isEqualTo(6);
        Map<Long, String> reasons = new java.util.TreeMap<>();
        rejections.forEach(rejection -> reasons.put(rejection.line(), rejection.reason()));
        assertThat(reasons).containsOnlyKeys(3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(reasons.get(3L)).startsWith("missing column").contains("'Date'");
        assertThat(reasons.get(4L)).contains("'lots'").contains("not a number");
        assertThat(reasons.get(5L)).startsWith("negative count -4");
        assertThat(reasons.get(6L)).startsWith("unknown period '2020-13-01'");
        assertThat(reasons.get(7L)).contains("\"NA\"").contains("where a count is due");
        assertThat(reasons.get(8L)).startsWith("TOTAL row");
        assertThat(reasons.get(9L)).startsWith("duplicate row").contains("line 2");
        assertThat(rejections.stream().filter(RowRejection::fatal).count()).isEqualTo(6);
    }

    @Test
    void futurePeriodIsUnknown() {
        parse(TOTALS_HEADER + "REM,Liverpool,100,2031-01-01\n", "totals.csv");

        assertThat(rejections).singleElement().extracting(RowRejection::reason).asString()
                .startsWith("unknown period '2031-01-01'");
    }

    @Test
    void bandsRowWithMoreSixPlusThanTotalRejected() {
        parse(BANDS_HEADER + "REM,Liverpool,10,11,0,1.1,0\n", "bands-2020-12.csv");

        assertThat(rejections).singleElement().extracting(RowRejection::reason).asString()
                .startsWith("inconsistent counts");
    }

    @Test
    void bandsSharesMayBeNaWhenListEmpty() {
        ParsedFile parsed = parse(BANDS_HEADER + "REN,Clatterbridge,0,0,0,NA,NA\n", "bands-2020-12.csv");

        assertThat(rejections).isEmpty();
        assertThat(figure(parsed, "REN", "2020-12").total().totalWaitingList()).isZero();
    }

    @Test
    void bandsWithoutPeriodRejectedWhole() {
        assertThatThrownBy(() -> parse(BANDS_HEADER + "REM,Liverpool,10,1,0,0.1,0\n", "bands.csv"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("period=YYYY-MM");
    }

    @Test
    void periodOutOfRangeRejected() {
        String bands = BANDS_HEADER + "REM,Liverpool,10,1,0,0.1,0\n";
        for (YearMonth period : List.of(YearMonth.of(2027, 1), YearMonth.of(2099, 1), YearMonth.of(2005, 12))) {
            DataFileParser.Options options = new DataFileParser.Options("bands.csv", period, YearMonth.of(2026, 12),
                    NETWORK::contains);

            assertThatThrownBy(() -> DataFileParser.checkHeader(stream(bands), options))
                    .isInstanceOf(FileRejectedException.class)
                    .hasMessageContaining("2006-01 to 2026-12")
                    .extracting(error -> ((FileRejectedException) error).field()).isEqualTo("period");
            assertThatThrownBy(() -> DataFileParser.parse(stream(bands), options, rejections::add, (bytes, rows) -> { }))
                    .isInstanceOf(FileRejectedException.class)
                    .extracting(error -> ((FileRejectedException) error).field()).isEqualTo("period");
        }
    }

    @Test
    void fileNamePeriodOutOfRangeRejected() {
        String bands = BANDS_HEADER + "REM,Liverpool,10,1,0,0.1,0\n";
        for (String fileName : List.of("bands-2099-01.csv", "bands-2005-12.csv")) {
            assertThatThrownBy(() -> DataFileParser.checkHeader(stream(bands), options(fileName)))
                    .isInstanceOf(FileRejectedException.class)
                    .hasMessageContaining(fileName)
                    .extracting(error -> ((FileRejectedException) error).field()).isEqualTo("period");
        }
    }

    @Test
    void pastPeriodIsUnknown() {
        parse(TOTALS_HEADER + "REM,Liverpool,100,2005-12-01\n", "totals.csv");

        assertThat(rejections).singleElement().extracting(RowRejection::reason).asString()
                .startsWith("unknown period '2005-12-01'");
    }

    @Test
    void emptyFileRejectedWhole() {
        assertThatThrownBy(() -> parse("", "empty.csv"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("empty")
                .hasMessageContaining("code,trust_name,total_waiting_list,Date");
    }

    @Test
    void headerOnlyFileRejectedWhole() {
        assertThatThrownBy(() -> parse(TOTALS_HEADER, "header.csv"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("no data rows");
        assertThatThrownBy(() -> DataFileParser.checkHeader(stream(TOTALS_HEADER), options("header.csv")))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("no data rows");
    }

    @Test
    void unknownHeaderListsAcceptedFormats() {
        assertThatThrownBy(() -> parse("trust,patients\nREM,4\n", "other.csv"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("trust,patients")
                .hasMessageContaining("NHS England DM01 monthly full extract")
                .hasMessageContaining("provider-level monthly total waiting list")
                .hasMessageContaining("provider-level waiting bands");
    }

    @Test
    void unclosedQuoteRejectedWhole() {
        assertThatThrownBy(() -> parse(TOTALS_HEADER + "REM,\"Liverpool,100,2020-11-01\n", "broken.csv"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("not valid CSV");
    }

    @Test
    void fullExtractAddsCommissionersAndKeepsTests() {
        String file = FullExtractFiles.header()
                + FullExtractFiles.row("DM01-DEC-2020", "REM", "00X", "MRI", 10, 2, 1, 5)
                + FullExtractFiles.row("DM01-DEC-2020", "REM", "01Y", "MRI", 20, 4, 2, 7)
                + FullExtractFiles.row("DM01-DEC-2020", "REM", "01Y", "Computed Tomography", 30, 6, 0, 11)
                + FullExtractFiles.row("DM01-DEC-2020", "REM", "01Y", "TOTAL", 60, 12, 3, 23)
                + FullExtractFiles.row("DM01-DEC-2020", "RX1", "01Y", "MRI", 5, 0, 0, 1);

        ParsedFile parsed = parse(file, "extract.csv");

        assertThat(parsed.format()).isEqualTo(FileFormat.DM01_FULL_EXTRACT);
        assertThat(parsed.rowsAccepted()).isEqualTo(4);
        assertThat(parsed.rowsRejected()).isEqualTo(1);
        assertThat(parsed.rowsFatal()).isZero();
        assertThat(parsed.rowsOutsideNetwork()).isEqualTo(1);
        OrganisationFigures rem = figure(parsed, "REM", "2020-12");
        assertThat(rem.total().totalWaitingList()).isEqualTo(60);
        assertThat(rem.total().waiting6PlusWeeks()).isEqualTo(12);
        assertThat(rem.total().waiting13PlusWeeks()).isEqualTo(3);
        assertThat(rem.total().totalActivity()).isEqualTo(23);
        assertThat(rem.tests()).extracting(OrganisationFigures.TestCounts::test).containsExactly("MRI", "Computed Tomography");
        assertThat(rem.tests().get(0).counts().totalWaitingList()).isEqualTo(30);
    }

    @Test
    void fullExtractPeriodMustBeDm01Form() {
        parse(FullExtractFiles.header() + FullExtractFiles.row("DEC-2020", "REM", "00X", "MRI", 10, 2, 1, 5),
                "extract.csv");

        assertThat(rejections).singleElement().extracting(RowRejection::reason).asString()
                .startsWith("unknown period 'DEC-2020'");
    }

    private ParsedFile parse(String content, String fileName) {
        return DataFileParser.parse(stream(content), options(fileName), rejections::add, (bytes, rows) -> { });
    }

    private ParsedFile parseFile(Path file) throws IOException {
        try (InputStream input = Files.newInputStream(file)) {
            return DataFileParser.parse(input, options(file.getFileName().toString()), rejections::add,
                    (bytes, rows) -> { });
        }
    }

    private static DataFileParser.Options options(String fileName) {
        return new DataFileParser.Options(fileName, null, YearMonth.of(2026, 12), NETWORK::contains);
    }

    private static InputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private static OrganisationFigures figure(ParsedFile parsed, String odsCode, String period) {
        return parsed.figures().stream()
                .filter(figures -> figures.odsCode().equals(odsCode) && figures.period().equals(period))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No figures for " + odsCode + " " + period));
    }
}
