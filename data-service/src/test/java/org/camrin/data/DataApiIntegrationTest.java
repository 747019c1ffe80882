package org.camrin.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camrin.infra.testing.TestUsers.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camrin.data.imports.SeedImporter;
import org.camrin.data.imports.parsing.FullExtractFiles;
import org.camrin.data.imports.query.ImportStatusView;
import org.camrin.data.imports.query.ImportStatusView.ImportStatus;
import org.camrin.infra.testing.TestServers;
import org.camrin.support.network.NetworkTrust;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The data API against real servers (PostgreSQL event store, the MongoDB-compatible query store
 * and Kafka), with the published 2020 files imported on start from the copies in the jar.
 */
@SpringBootTest(properties = {"camrin.data.seed-dir=does-not-exist", "camrin.data.standard.by-financial-year.2019=0.05"})
@AutoConfigureMockMvc
class DataApiIntegrationTest {

    private static final Path TOTALS = Path.of("../data/dm01-2020/provider-total-waiting-list-2020-04-to-11.csv");
    private static final Path BANDS = Path.of("../data/dm01-2020/provider-waiting-bands-2020-12.csv");
    private static final String TOTALS_HEADER = "code,trust_name,total_waiting_list,Date\n";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "data_api_test");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    SeedImporter seed;

    @Autowired
    EventStore eventStore;

    @BeforeEach
    void seeded() throws Exception {
        List<ImportStatusView> outcomes = seed.awaitCompletion(120);
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes).allMatch(outcome -> outcome.status() == ImportStatus.IMPORTED
                || outcome.status() == ImportStatus.ALREADY_IMPORTED);
        awaitPeriod("2020-12", "REM");
    }

    @Test
    void december2020MatchesSource() throws Exception {
        Map<String, String[]> source = networkRows(BANDS, null);
        JsonNode month = read(mvc.perform(get("/api/data/waiting-list").param("period", "2020-12").with(analyst())));

        assertThat(month.get("trusts")).hasSize(12);
        for (JsonNode trust : month.get("trusts")) {
            String[] row = source.get(trust.get("odsCode").asText());
            String code = row[0];
            assertThat(trust.get("totalWaitingList").asLong()).as(code).isEqualTo(Long.parseLong(row[2]));
            assertThat(trust.get("waiting6PlusWeeks").asLong()).as(code).isEqualTo(Long.parseLong(row[3]));
            assertThat(trust.get("waiting13PlusWeeks").asLong()).as(code).isEqualTo(Long.parseLong(row[4]));
            assertThat(trust.get("share6PlusWeeks").asDouble()).as(code).isEqualTo(Double.parseDouble(row[5]));
            assertThat(trust.get("share13PlusWeeks").asDouble()).as(code).isEqualTo(Double.parseDouble(row[6]));
            assertThat(trust.get("standardShare").asDouble()).as(code).isEqualTo(0.01);
        }
        long networkTotal = source.values().stream().mapToLong(row -> Long.parseLong(row[2])).sum();
        assertThat(month.get("network").get("totalWaitingList").asLong()).isEqualTo(networkTotal);
        assertThat(month.get("network").get("trustsReporting").asInt()).isEqualTo(12);
        // November comes from the other file, so December's change is the difference across files.
        JsonNode rem = trust(month, "REM");
        assertThat(rem.get("changeInWaitingList").asLong()).isEqualTo(10653 - 11579);
    }

    @Test
    void monthlyTotalsMatchSource() throws Exception {
        long[] networkByMonth = new long[8];
        for (NetworkTrust trust : NetworkTrust.values()) {
            JsonNode series = read(mvc.perform(get("/api/data/waiting-list/" + trust.odsCode())
                    .param("from", "2020-04").param("to", "2020-11").with(analyst())));
            assertThat(series.get("months")).hasSize(8);
            for (int month = 0; month < 8; month++) {
                String period = "2020-" + String.format("%02d", month + 4);
                String[] row = networkRows(TOTALS, period + "-01").get(trust.odsCode());
                JsonNode figures = series.get("months").get(month);
                assertThat(figures.get("period").asText()).isEqualTo(period);
                assertThat(figures.get("totalWaitingList").asLong()).as(trust + " " + period)
                        .isEqualTo(Long.parseLong(row[2]));
                networkByMonth[month] += Long.parseLong(row[2]);
            }
        }
        JsonNode network = read(mvc.perform(get("/api/data/waiting-list/NETWORK")
                .param("from", "2020-04").param("to", "2020-11").with(analyst())));
        for (int month = 0; month < 8; month++) {
            assertThat(network.get("months").get(month).get("totalWaitingList").asLong()).isEqualTo(networkByMonth[month]);
        }
    }

    @Test
    void sameFileTwiceChangesNothing() throws Exception {
        byte[] bands = Files.readAllBytes(BANDS);
        JsonNode first = read(mvc.perform(upload("provider-waiting-bands-2020-12.csv", bands, analyst()))
                .andExpect(status().isOk()));

        assertThat(first.get("status").asText()).isEqualTo("ALREADY_IMPORTED");
        assertThat(first.get("message").asText()).contains("already imported").contains("nothing changed");
        assertThat(eventStore.readEvents(first.get("importId").asText()).asStream().count()).isEqualTo(1);
    }

    @Test
    void malformedFileReportsRowsAndStoresNothing() throws Exception {
        String file = TOTALS_HEADER
                + "REM,Liverpool University Hospitals,100,2019-01-01\n"
                + "RBL,Wirral,50\n"
                + "RBS,Alder Hey,lots,2019-01-01\n"
                + "RJR,Chester,-4,2019-01-01\n"
                + "RBQ,Heart and Chest,10,2019-13-01\n"
                + "REP,Women's,NA,2019-01-01\n"
                + "TOTAL,All providers,999,2019-01-01\n"
                + "REM,Liverpool University Hospitals,100,2019-01-01\n";

        JsonNode report = importAndWait("bad-2019-01.csv", file, false);

        assertThat(report.get("status").asText()).isEqualTo("REJECTED");
        assertThat(report.get("message").asText()).contains("6 of 8 rows failed validation").contains("nothing was imported");
        assertThat(report.get("rejectedRows")).hasSize(7);
        assertThat(report.get("rejectedRows").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(report.get("rejectedRows").get(0).get("reason").asText()).startsWith("missing column");
        assertThat(report.get("rejectedRows").get(6).get("reason").asText()).startsWith("duplicate row");
        assertThat(eventStore.readEvents(report.get("importId").asText()).asStream().count()).isZero();
        mvc.perform(get("/api/data/waiting-list").param("period", "2019-01").with(analyst()))
                .andExpect(status().isNotFound());
    }

    @Test
    void partialImportKeepsValidRows() throws Exception {
        String file = TOTALS_HEADER + "REM,Liverpool University Hospitals,321,2019-02-01\nRBL,Wirral,NA,2019-02-01\n";

        JsonNode report = importAndWait("partial-2019-02.csv", file, true);

        assertThat(report.get("status").asText()).isEqualTo("IMPORTED");
        assertThat(report.get("rowsRejected").asLong()).isEqualTo(1);
        JsonNode month = awaitPeriod("2019-02", "REM");
        assertThat(trust(month, "REM").get("totalWaitingList").asLong()).isEqualTo(321);
        assertThat(trust(month, "RBL").get("totalWaitingList").isNull()).isTrue();
    }

    @Test
    void byteOrderMarkWindowsLinesAndQuotedCommasImported() throws Exception {
        String file = "\uFEFF" + TOTALS_HEADER.replace("\n", "\r\n")
                + "RET,\"The Walton Centre, NHS Foundation Trust\",77,2019-03-01\r\n";

        JsonNode report = importAndWait("walton-2019-03.csv", file, false);

        assertThat(report.get("status").asText()).isEqualTo("IMPORTED");
        assertThat(trust(awaitPeriod("2019-03", "RET"), "RET").get("totalWaitingList").asLong()).isEqualTo(77);
    }

    @Test
    void unusableFilesGet400AndNameAcceptedFormats() throws Exception {
        mvc.perform(upload("empty.csv", new byte[0], analyst()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].detail", containsString("empty")));
        mvc.perform(upload("header.csv", TOTALS_HEADER.getBytes(StandardCharsets.UTF_8), analyst()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].detail", containsString("no data rows")));
        mvc.perform(upload("other.csv", "trust,patients\nREM,4\n".getBytes(StandardCharsets.UTF_8), analyst()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].detail", containsString("DM01 monthly full extract")))
                .andExpect(jsonPath("$.errors[0].detail", containsString("code,trust_name,total_waiting_list,Date")));
    }

    @Test
    void outOfRangePeriodStoresNothing() throws Exception {
        String bands = "org_code,name,count_total_waiting_list,count_waiting_6_plus_weeks,"
                + "count_waiting_13_plus_weeks,perc_waiting_6_plus_weeks,per_waiting_13_plus_weeks\n"
                + "RBL,Wirral,4000,40,4,0.01,0.001\n";
        byte[] content = bands.getBytes(StandardCharsets.UTF_8);
        String importId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        mvc.perform(upload("bands.csv", content, analyst()).param("period", "2099-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("period"))
                .andExpect(jsonPath("$.errors[0].detail", containsString("2006-01")));
        mvc.perform(upload("bands.csv", content, analyst()).param("period", "2005-12"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(upload("bands-2099-01.csv", content, analyst()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"))
                .andExpect(jsonPath("$.errors[0].detail", containsString("bands-2099-01.csv")));

        assertThat(eventStore.lastSequenceNumberFor(importId)).isEmpty();
        mvc.perform(get("/api/data/imports/" + importId).with(analyst())).andExpect(status().isNotFound());
        mvc.perform(get("/api/data/waiting-list").param("period", "2099-01").with(analyst()))
                .andExpect(status().isNotFound());
    }

    @Test
    void partialMonthHasNoNetworkSums() throws Exception {
        importWirralOnlyJanuary2021();

        JsonNode january = awaitPeriod("2021-01", "RBL");
        JsonNode network = january.get("network");
        assertThat(network.get("trustsReporting").asInt()).isEqualTo(1);
        assertThat(network.get("totalWaitingList").isNull()).isTrue();
        assertThat(network.get("waiting6PlusWeeks").isNull()).isTrue();
        assertThat(network.get("share6PlusWeeks").isNull()).isTrue();
        assertThat(network.get("changeInWaitingList").isNull()).isTrue();
        assertThat(network.get("changeInWaitingListShare").isNull()).isTrue();
        assertThat(trust(january, "RBL").get("totalWaitingList").asLong()).isEqualTo(5000);

        JsonNode series = read(mvc.perform(get("/api/data/waiting-list/NETWORK").param("from", "2020-12")
                .param("to", "2021-01").with(analyst())));
        assertThat(series.get("months").get(0).get("trustsReporting").asInt()).isEqualTo(12);
        assertThat(series.get("months").get(0).get("totalWaitingList").isNumber()).isTrue();
        assertThat(series.get("months").get(1).get("totalWaitingList").isNull()).isTrue();
        assertThat(series.get("months").get(1).get("changeInWaitingList").isNull()).isTrue();
    }

    @Test
    void planningStartsFromAreasLatestFigures() throws Exception {
        importWirralOnlyJanuary2021();

        JsonNode clearance = read(mvc.perform(get("/api/data/planning/backlog-clearance").param("area", "REM")
                .param("by", "2021-06").with(analyst())).andExpect(status().isOk()));
        assertThat(clearance.get("baseline").get("start").asText()).isEqualTo("2020-12");
        assertThat(clearance.get("extraCapacityPerMonth").asDouble()).isEqualTo(444.0);

        JsonNode network = read(mvc.perform(get("/api/data/planning/projection").param("area", "NETWORK")
                .param("months", "2").with(analyst())).andExpect(status().isOk()));
        assertThat(network.get("baseline").get("start").asText()).isEqualTo("2020-12");

        JsonNode wirral = read(mvc.perform(get("/api/data/planning/backlog-clearance").param("area", "RBL")
                .param("by", "2021-06").with(analyst())).andExpect(status().isOk()));
        assertThat(wirral.get("baseline").get("start").asText()).isEqualTo("2021-01");
        assertThat(wirral.get("backlog").asLong()).isEqualTo(500);

        mvc.perform(get("/api/data/planning/backlog-clearance").param("area", "REM").param("start", "2021-01")
                        .param("by", "2021-06").with(analyst()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("start"))
                .andExpect(jsonPath("$.errors[0].detail", containsString("start=2020-12")));
    }

    @Test
    void planningRejectsNonFiniteAndOutOfRange() throws Exception {
        String[][] cases = {
            {"projection", "demandGrowthPercent", "NaN", "-100"},
            {"projection", "demandGrowthPercent", "-500", "-100"},
            {"projection", "demandGrowthPercent", "-100", "-100"},
            {"projection", "demandGrowthPercent", "1001", "1000"},
            {"projection", "extraCapacityPerMonth", "-1e300", "10000000"},
            {"projection", "extraCapacityPerMonth", "Infinity", "10000000"},
            {"projection", "capacityPerMonth", "NaN", "10000000"},
            {"projection", "demandPerMonth", "1e400", "10000000"},
            {"projection", "demandPerMonth", "-1", "10000000"},
            {"backlog-clearance", "demandGrowthPercent", "Infinity", "1000"},
            {"backlog-clearance", "capacityPerMonth", "NaN", "10000000"},
            {"backlog-clearance", "demandPerMonth", "20000000", "10000000"},
            {"targets", "variability", "NaN", "10"},
            {"targets", "variability", "11", "10"},
            {"targets", "targetWaitWeeks", "NaN", "104"},
            {"targets", "targetWaitWeeks", "0", "104"},
            {"targets", "demandPerWeek", "Infinity", "2500000"},
        };
        for (String[] bad : cases) {
            // Every other value is valid, so the first error found is the one under test.
            var request = get("/api/data/planning/" + bad[0]).param("area", "REM").param("by", "2021-06")
                    .param(bad[1], bad[2]).with(analyst());
            if (!bad[1].equals("demandPerWeek")) {
                request.param("demandPerWeek", "100");
            }
            mvc.perform(request)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(bad[1]))
                    .andExpect(jsonPath("$.errors[0].detail", containsString(bad[3])));
        }
    }

    @Test
    void planningAtLimitsStaysFinite() throws Exception {
        List<String> responses = List.of(
                mvc.perform(get("/api/data/planning/projection").param("area", "REM").param("months", "120")
                        .param("demandGrowthPercent", "1000").param("demandPerMonth", "10000000")
                        .param("capacityPerMonth", "0").param("extraCapacityPerMonth", "10000000").with(analyst()))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
                mvc.perform(get("/api/data/planning/projection").param("area", "REM").param("months", "120")
                        .param("demandGrowthPercent", "-99.9").param("demandPerMonth", "10000000")
                        .param("capacityPerMonth", "10000000").with(analyst()))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
                mvc.perform(get("/api/data/planning/targets").param("demandPerWeek", "2500000")
                        .param("targetWaitWeeks", "0.001").param("variability", "10").with(analyst()))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        for (String response : responses) {
            assertThat(response).doesNotContain("NaN").doesNotContain("Infinity");
        }
        mvc.perform(get("/api/data/planning/projection").param("area", "REM").param("demandPerMonth", "100")
                        .param("capacityPerMonth", "100").param("extraCapacityPerMonth", "-101").with(analyst()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("extraCapacityPerMonth"));
    }

    @Test
    void mergedTrustIncludesPredecessor() throws Exception {
        String file = TOTALS_HEADER
                + "RBN,St Helens and Knowsley,1000,2023-06-01\nRVY,Southport and Ormskirk,300,2023-06-01\n"
                + "RBN,Mersey and West Lancashire,1400,2023-08-01\nRVY,Southport and Ormskirk,250,2023-08-01\n";
        importAndWait("merger-2023.csv", file, false);

        JsonNode june = awaitPeriod("2023-06", "RBN");
        assertThat(trust(june, "RBN").get("totalWaitingList").asLong()).isEqualTo(1000);
        assertThat(trust(june, "RVY").get("totalWaitingList").asLong()).isEqualTo(300);
        JsonNode august = awaitPeriod("2023-08", "RBN");
        assertThat(trust(august, "RBN").get("totalWaitingList").asLong()).isEqualTo(1650);
        assertThat(trust(august, "RBN").get("includes").get(0).asText()).isEqualTo("RVY");
        assertThat(trust(august, "RVY").get("totalWaitingList").isNull()).isTrue();
        // Only one trust reported August, so the network sum is withheld.
        assertThat(august.get("network").get("totalWaitingList").isNull()).isTrue();
        assertThat(august.get("network").get("trustsReporting").asInt()).isEqualTo(1);

        JsonNode current = read(mvc.perform(get("/api/data/waiting-list/RBN").param("from", "2023-06")
                .param("to", "2023-06").param("basis", "current").with(analyst())));
        assertThat(current.get("months").get(0).get("totalWaitingList").asLong()).isEqualTo(1300);
        assertThat(current.get("months").get(0).get("includes").get(0).asText()).isEqualTo("RVY");
    }

    @Test
    void fullExtractGivesTestsActivityAndDemand() throws Exception {
        String file = FullExtractFiles.header()
                + FullExtractFiles.row("DM01-MAY-2019", "RWW", "01X", "MRI", 100, 10, 2, 80)
                + FullExtractFiles.row("DM01-MAY-2019", "RWW", "01X", "Computed Tomography", 200, 4, 0, 150)
                + FullExtractFiles.row("DM01-JUN-2019", "RWW", "01X", "MRI", 120, 12, 3, 90)
                + FullExtractFiles.row("DM01-JUN-2019", "RWW", "02Y", "Computed Tomography", 190, 2, 0, 160)
                + FullExtractFiles.row("DM01-JUN-2019", "RWW", "02Y", "TOTAL", 310, 14, 3, 250);

        JsonNode report = importAndWait("extract-2019.csv", file, false);
        assertThat(report.get("status").asText()).isEqualTo("IMPORTED");
        assertThat(report.get("rowsRejected").asLong()).isEqualTo(1);

        JsonNode june = trust(awaitPeriod("2019-06", "RWW"), "RWW");
        assertThat(june.get("totalWaitingList").asLong()).isEqualTo(310);
        assertThat(june.get("activity").asLong()).isEqualTo(250);
        assertThat(june.get("changeInWaitingList").asLong()).isEqualTo(10);
        assertThat(june.get("estimatedDemand").asLong()).isEqualTo(260);
        assertThat(june.get("standardShare").asDouble()).isEqualTo(0.05);
        assertThat(june.get("tests")).hasSize(2);
        assertThat(june.get("tests").get(0).get("test").asText()).isEqualTo("MRI");
        assertThat(june.get("tests").get(0).get("estimatedDemand").asLong()).isEqualTo(90 + 20);

        JsonNode projection = read(mvc.perform(get("/api/data/planning/projection").param("area", "RWW")
                .param("test", "MRI").param("start", "2019-06").param("months", "2")
                .param("extraCapacityPerMonth", "10").with(analyst())));
        // Only June has activity and a change: demand 90 + 20 = 110, capacity 90 + 10 extra, so +10 a month.
        assertThat(projection.get("months").get(0).get("waitingList").asDouble()).isEqualTo(130.0);
        assertThat(projection.get("months").get(1).get("waitingList").asDouble()).isEqualTo(140.0);
        assertThat(projection.get("assumptions").size()).isGreaterThan(1);
    }

    @Test
    void projectionAndClearanceOnPublishedFigures() throws Exception {
        JsonNode projection = read(mvc.perform(get("/api/data/planning/projection").param("area", "REM")
                .param("months", "6").with(analyst())));
        // September to December 2020: changes -2132, -1147 and -926, so -1401.67 a month on average.
        assertThat(projection.get("baseline").get("netChangePerMonth").asDouble())
                .isCloseTo((-2132 - 1147 - 926) / 3.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(projection.get("months")).hasSize(6);
        assertThat(projection.get("inputs").get("area").asText()).isEqualTo("REM");
        assertThat(projection.get("assumptions").toString()).contains("no activity");

        JsonNode clearance = read(mvc.perform(get("/api/data/planning/backlog-clearance").param("area", "REM")
                .param("by", "2021-06").with(analyst())));
        // 2,664 waiting 6+ weeks over 6 months, and a shrinking list needs nothing more.
        assertThat(clearance.get("extraCapacityPerMonth").asDouble()).isEqualTo(444.0);
        assertThat(clearance.get("months").asInt()).isEqualTo(6);

        JsonNode targets = read(mvc.perform(get("/api/data/planning/targets").param("demandPerWeek", "1000")
                .with(analyst())));
        assertThat(targets.get("targetQueueSize").asDouble()).isEqualTo(1500.0);
        assertThat(targets.get("assumptions").toString()).contains("NHSRwaitinglist");

        mvc.perform(get("/api/data/planning/projection").param("area", "REM").param("demandGrowthPercent", "5")
                        .with(analyst()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("demandPerMonth"));
    }

    @Test
    void csvOnRequest() throws Exception {
        String byParameter = mvc.perform(get("/api/data/waiting-list").param("period", "2020-12").param("format", "csv")
                        .with(analyst()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();
        assertThat(byParameter.lines().findFirst().orElseThrow()).startsWith("ods_code,name,period");
        assertThat(byParameter).contains("REM,Liverpool University Hospitals NHS Foundation Trust,2020-12,,,10653,2664,");

        mvc.perform(get("/api/data/waiting-list/REM").accept("text/csv").with(analyst()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
    }

    @Test
    void trustStaffReadOwnTrustAndNetwork() throws Exception {
        RequestPostProcessor clinician = user("clinician.rbl", "RBL", "clinician");

        mvc.perform(get("/api/data/waiting-list").param("period", "2020-12").with(clinician))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trusts", hasSize(1)))
                .andExpect(jsonPath("$.trusts[0].odsCode").value("RBL"))
                .andExpect(jsonPath("$.network.totalWaitingList").isNumber());
        mvc.perform(get("/api/data/waiting-list/RBL").with(clinician)).andExpect(status().isOk());
        mvc.perform(get("/api/data/waiting-list/NETWORK").with(clinician)).andExpect(status().isOk());
        mvc.perform(get("/api/data/waiting-list/REM").with(clinician))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/data/planning/projection").param("area", "REM").with(clinician))
                .andExpect(status().isForbidden());
        mvc.perform(upload("x.csv", "a".getBytes(StandardCharsets.UTF_8), clinician))
                .andExpect(status().isForbidden());

        for (String role : List.of("data-analyst", "programme-manager", "network-admin")) {
            mvc.perform(get("/api/data/waiting-list").param("period", "2020-12").with(user("reader", "RBL", role)))
                    .andExpect(jsonPath("$.trusts", hasSize(12)));
        }
        mvc.perform(get("/api/data/waiting-list")).andExpect(status().isUnauthorized());
    }

    @Test
    void unknownTrustAndBadPeriodNamed() throws Exception {
        mvc.perform(get("/api/data/waiting-list/RXX").with(analyst()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("odsCode"));
        mvc.perform(get("/api/data/waiting-list").param("period", "2020-13").with(analyst()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
    }

    /** Imports January 2021 for Wirral alone, so that month has figures for one trust of 12. */
    private void importWirralOnlyJanuary2021() throws Exception {
        String bands = "org_code,name,count_total_waiting_list,count_waiting_6_plus_weeks,"
                + "count_waiting_13_plus_weeks,perc_waiting_6_plus_weeks,per_waiting_13_plus_weeks\n"
                + "RBL,Wirral University Teaching Hospital,5000,500,50,0.1,0.01\n";
        mvc.perform(upload("provider-waiting-bands-2021-01.csv", bands.getBytes(StandardCharsets.UTF_8), analyst()))
                .andExpect(status().is2xxSuccessful());
        awaitPeriod("2021-01", "RBL");
    }

    private JsonNode importAndWait(String name, String content, boolean partial) throws Exception {
        JsonNode started = read(mvc.perform(upload(name, content.getBytes(StandardCharsets.UTF_8), analyst())
                .param("partial", Boolean.toString(partial))));
        String importId = started.get("importId").asText();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode report = read(mvc.perform(get("/api/data/imports/" + importId).with(analyst())));
            if (!List.of("QUEUED", "RUNNING").contains(report.get("status").asText())) {
                return report;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Import " + importId + " did not finish in 30 s");
    }

    private JsonNode awaitPeriod(String period, String odsCode) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            var result = mvc.perform(get("/api/data/waiting-list").param("period", period).with(analyst())).andReturn();
            if (result.getResponse().getStatus() == 200) {
                JsonNode month = json.readTree(result.getResponse().getContentAsString());
                if (!trust(month, odsCode).get("totalWaitingList").isNull()) {
                    return month;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Figures of " + odsCode + " for " + period + " were not projected in 30 s");
    }

    private static JsonNode trust(JsonNode month, String odsCode) {
        for (JsonNode trust : month.get("trusts")) {
            if (trust.get("odsCode").asText().equals(odsCode)) {
                return trust;
            }
        }
        throw new AssertionError("No trust " + odsCode + " in " + month);
    }

    private JsonNode read(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
        return json.readTree(actions.andReturn().getResponse().getContentAsString());
    }

    private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(
            String name, byte[] content, RequestPostProcessor user) {
        return (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder) multipart(
                "/api/data/imports").file(new MockMultipartFile("file", name, "text/csv", content)).with(user);
    }

    private static RequestPostProcessor analyst() {
        return user("data-analyst.rem", "REM", "data-analyst");
    }

    /**
     * The network trusts' rows of a source file, read with a plain split: their names contain no
     * commas, so this check does not share the import's CSV reader.
     */
    private static Map<String, String[]> networkRows(Path file, String date) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] values = line.split(",");
            if (NetworkTrust.fromOdsCode(values[0]).isPresent() && values[0].equals(values[0].toUpperCase())
                    && (date == null || values[values.length - 1].equals(date))) {
                rows.put(values[0], values);
            }
        }
        assertThat(rows).hasSize(12);
        return rows;
    }
}
