package org.camrin.workforce.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camrin.infra.testing.TestUsers.clinician;
import static org.camrin.infra.testing.TestUsers.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camrin.infra.testing.TestServers;
import org.camrin.infra.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The workforce record API against real servers: the PostgreSQL event store, the
 * MongoDB-compatible query store and a Kafka broker. Each test uses its own trust and staff group
 * so the tests share one database without reading each other's records.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkforceRecordApiIntegrationTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "workforce_records_test");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    static RequestPostProcessor workforceLead(String trust) {
        return user("workforce-lead." + trust.toLowerCase(), trust, "workforce-lead");
    }

    @Test
    void leadRecordsReturnAndReadsVacancyRate() throws Exception {
        mvc.perform(post("/api/workforce/trusts/RBL/staff-groups/diagnostic-radiographers/returns")
                        .with(workforceLead("RBL")).contentType(MediaType.APPLICATION_JSON)
                        .content(returnBody("2025-01", 80, 70, 74, 0, 2)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.recordId").value("RBL|diagnostic-radiographers"))
                .andExpect(jsonPath("$.returns['2025-01'].vacancyWte").value(10.0))
                .andExpect(jsonPath("$.lastChanged['2025-01'].username").value("workforce-lead.rbl"));

        // 10 vacant WTE of 80 funded is 12.5%.
        mvc.perform(get("/api/workforce/trusts/RBL/figures").param("month", "2025-01").with(clinician()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.staffGroups['diagnostic-radiographers'].vacancyRate").value(12.5))
                .andExpect(jsonPath("$.staffGroups['diagnostic-radiographers'].staffInPostWte").value(70.0));
    }

    @Test
    void correctionChangesLaterAsAtFigures() throws Exception {
        String base = "/api/workforce/trusts/RWW/staff-groups/sonographers";
        recordReturn("RWW", "sonographers", returnBody("2025-01", 20, 18, 20, 0, 1));
        recordReturn("RWW", "sonographers", returnBody("2025-02", 20, 18, 19, 0, 1));
        recordReturn("RWW", "sonographers", returnBody("2025-03", 20, 18, 19, 0, 0));

        // 2 leavers over average headcount (20 + 19 + 19) / 3 = 19.33: 10.3%.
        mvc.perform(get("/api/workforce/trusts/RWW/figures").param("month", "2025-03").with(clinician()))
                .andExpect(jsonPath("$.staffGroups.sonographers.turnoverRate12Months").value(10.3));

        mvc.perform(post(base + "/returns/2025-01/corrections").with(workforceLead("RWW"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(correctionBody(20, 18, 20, 3, "Two retirements were missed")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.returns['2025-01'].leavers.retirement").value(3))
                .andExpect(jsonPath("$.lastChanged['2025-01'].corrected").value(true));

        // 4 leavers over the same 19.33: 20.7%, as at March although the correction was for January.
        mvc.perform(get("/api/workforce/trusts/RWW/figures").param("month", "2025-03").with(clinician()))
                .andExpect(jsonPath("$.staffGroups.sonographers.turnoverRate12Months").value(20.7))
                .andExpect(jsonPath("$.staffGroups.sonographers.leavers12Months.retirement").value(4));
        // A month before the corrected one is unchanged.
        mvc.perform(get("/api/workforce/trusts/RWW/figures").param("month", "2024-12").with(clinician()))
                .andExpect(jsonPath("$.staffGroups.sonographers.recordsIncluded").value(0));

        mvc.perform(get(base + "/history").with(workforceLead("RWW")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[3].type").value("MonthlyReturnCorrected"))
                .andExpect(jsonPath("$[3].username").value("workforce-lead.rww"))
                .andExpect(jsonPath("$[3].trust").value("RWW"))
                .andExpect(jsonPath("$[3].change.previous.leavers.retirement").value(1))
                .andExpect(jsonPath("$[3].change.reason").value("Two retirements were missed"));
    }

    @Test
    void historyClosedToOtherTrusts() throws Exception {
        recordReturn("RBT", "radiology-nurses", returnBody("2025-01", 5, 5, 5, 0, 0));

        mvc.perform(get("/api/workforce/trusts/RBT/staff-groups/radiology-nurses/history").with(clinician()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/workforce/trusts/RBT/staff-groups/radiology-nurses").with(clinician()))
                .andExpect(status().isOk());
    }

    @Test
    void badValuesGetProblemNamingField() throws Exception {
        String base = "/api/workforce/trusts/RBS/staff-groups/radiologists";
        mvc.perform(post(base + "/returns").with(workforceLead("RBS")).contentType(MediaType.APPLICATION_JSON)
                        .content(returnBody("2025-01", 10, -1, 10, 0, 0)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("staffInPostWte"));
        mvc.perform(post(base + "/returns").with(workforceLead("RBS")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"month\":\"January 2025\",\"establishmentWte\":1,\"staffInPostWte\":1,\"staffInPostHeadcount\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"))
                .andExpect(jsonPath("$.errors[0].detail", containsString("YYYY-MM")));
        mvc.perform(post("/api/workforce/trusts/RBS/staff-groups/porters/returns").with(workforceLead("RBS"))
                        .contentType(MediaType.APPLICATION_JSON).content(returnBody("2025-01", 1, 1, 1, 0, 0)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("sonographers")));

        recordReturn("RBS", "radiologists", returnBody("2025-01", 10, 4, 4, 0, 0));
        mvc.perform(post(base + "/returns").with(workforceLead("RBS")).contentType(MediaType.APPLICATION_JSON)
                        .content(returnBody("2025-02", 10, 0, 0, 0, 9)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("9 leavers")));
        mvc.perform(post(base + "/returns").with(workforceLead("RBS")).contentType(MediaType.APPLICATION_JSON)
                        .content(returnBody("2025-01", 10, 4, 4, 0, 0)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("correction")));
    }

    @Test
    void networkTotalsAddUp() throws Exception {
        recordReturn("REN", "medical-physicists", returnBody("2025-01", 12, 10, 11, 1, 0));
        recordReturn("RET", "medical-physicists", returnBody("2025-01", 8, 8, 9, 0, 1));
        recordReturn("RET", "pacs-ris-team", returnBody("2025-01", 6, 5, 5, 0, 0));

        JsonNode network = json.readTree(mvc.perform(get("/api/workforce/network/figures").param("month", "2025-01")
                        .with(clinician()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(network.at("/trusts/REN/establishmentWte").asDouble()).isEqualTo(12.0);
        assertThat(network.at("/trusts/RET/establishmentWte").asDouble()).isEqualTo(14.0);
        assertThat(sum(network.get("trusts"), "establishmentWte"))
                .isEqualTo(network.at("/network/establishmentWte").asDouble());
        assertThat(sum(network.get("staffGroups"), "establishmentWte"))
                .isEqualTo(network.at("/network/establishmentWte").asDouble());
        assertThat(sum(network.get("trusts"), "staffInPostWte"))
                .isEqualTo(network.at("/network/staffInPostWte").asDouble());
        assertThat(sum(network.get("staffGroups"), "vacancyWte"))
                .isEqualTo(network.at("/network/vacancyWte").asDouble());
        assertThat(network.at("/staffGroups/medical-physicists/establishmentWte").asDouble()).isGreaterThanOrEqualTo(20.0);
    }

    @Test
    void importStoresValidFile() throws Exception {
        String file = """
                trust,staff_group,month,establishment_wte,staff_in_post_wte,staff_in_post_headcount,vacancy_wte,bank_wte,agency_wte,joiners,leavers_retirement,leavers_another_nhs_trust,leavers_outside_nhs,leavers_other,trainees
                REP,sonographers,2025-01,6.0,5.0,6,,0.5,0,0,0,0,0,0,1
                REP,sonographers,2025-02,6.0,5.6,7,,0.2,0,1,0,0,0,0,1
                "REP","radiology-support-workers","2025-02","4","4","4","0","0","0","0","0","0","0","0","0"
                """;

        mvc.perform(post("/api/workforce/trusts/REP/imports").with(workforceLead("REP"))
                        .contentType("text/csv").content(file))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.recorded").value(3));

        mvc.perform(get("/api/workforce/trusts/REP/figures").param("month", "2025-02").with(clinician()))
                .andExpect(jsonPath("$.staffGroups.sonographers.staffInPostWte").value(5.6))
                .andExpect(jsonPath("$.staffGroups.sonographers.joiners12Months").value(1))
                .andExpect(jsonPath("$.total.establishmentWte").value(10.0));
    }

    @Test
    void importWithBadRowsStoresNothing() throws Exception {
        String file = """
                trust,staff_group,month,establishment_wte,staff_in_post_wte,staff_in_post_headcount,vacancy_wte,bank_wte,agency_wte,joiners,leavers_retirement,leavers_another_nhs_trust,leavers_outside_nhs,leavers_other,trainees
                RBQ,radiologists,2025-01,10,9,9,,0,0,0,0,0,0,0,0
                RBQ,radiologists,2025-02,10,-9,9,,0,0,0,0,0,0,0,0
                RBQ,porters,2025-01,10,9,9,,0,0,0,0,0,0,0,0
                REM,sonographers,2025-01,10,9,9,,0,0,0,0,0,0,0,0
                RBQ,sonographers,2025-13,10,9,9,,0,0,0,0,0,0,0,0
                RBQ,sonographers,2025-01,10,nine,9,,0,0,0,0,0,0,0,0
                RBQ,radiologists,2025-01,10,9,9,,0,0,0,0,0,0,0,0

                RBQ,pacs-ris-team,2025-01,3,3,3,,0,0,0,0,0,0,0,0
                RBQ,pacs-ris-team,2025-02,3,0,0,,0,0,0,2,2,0,0,0
                """;

        mvc.perform(post("/api/workforce/trusts/RBQ/imports").with(workforceLead("RBQ"))
                        .contentType("text/csv").content(file))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("nothing was stored")))
                .andExpect(jsonPath("$.errors", hasSize(7)))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("staff_in_post_wte"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("staff_group"))
                .andExpect(jsonPath("$.errors[2].line").value(5))
                .andExpect(jsonPath("$.errors[2].field").value("trust"))
                .andExpect(jsonPath("$.errors[3].line").value(6))
                .andExpect(jsonPath("$.errors[3].field").value("month"))
                .andExpect(jsonPath("$.errors[4].line").value(7))
                .andExpect(jsonPath("$.errors[4].detail", containsString("'nine'")))
                .andExpect(jsonPath("$.errors[5].line").value(8))
                .andExpect(jsonPath("$.errors[5].detail", containsString("Line 2")))
                .andExpect(jsonPath("$.errors[6].line").value(11))
                .andExpect(jsonPath("$.errors[6].field").value("leavers"));

        // The valid rows of lines 2 and 10 were not stored either.
        mvc.perform(get("/api/workforce/trusts/RBQ/staff-groups/radiologists").with(clinician()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/workforce/trusts/RBQ/staff-groups/pacs-ris-team").with(clinician()))
                .andExpect(status().isNotFound());
    }

    @Test
    void importWithWrongHeaderRejected() throws Exception {
        mvc.perform(post("/api/workforce/trusts/RBQ/imports").with(workforceLead("RBQ"))
                        .contentType("text/csv").content("trust,group,month\nRBQ,radiologists,2025-01\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].detail", containsString("Unknown column 'group'")));
    }

    @Test
    void recordEventsReachKafkaInPublicForm() throws Exception {
        recordReturn("RJR", "clerical-and-administrative", returnBody("2025-01", 15, 14, 16, 2, 1));
        mvc.perform(post("/api/workforce/trusts/RJR/staff-groups/clerical-and-administrative/returns/2025-01/corrections")
                        .with(workforceLead("RJR")).contentType(MediaType.APPLICATION_JSON)
                        .content(correctionBody(15, 14, 16, 2, "Retirement recorded twice")))
                .andExpect(status().isOk());

        List<JsonNode> events = TopicReader.valuesWithKey("camrin.workforce.events", "RJR|clerical-and-administrative", 2);

        assertThat(events).extracting(event -> event.get("type").asText())
                .containsExactly("MonthlyReturnRecorded", "MonthlyReturnCorrected");
        JsonNode recorded = events.get(0);
        assertThat(recorded.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(recorded.get("eventId").asText()).isNotBlank();
        assertThat(recorded.get("subjectType").asText()).isEqualTo("workforce-record");
        assertThat(recorded.get("trust").asText()).isEqualTo("RJR");
        assertThat(recorded.get("correlationId").asText()).isNotBlank();
        assertThat(recorded.at("/payload/month").asText()).isEqualTo("2025-01");
        assertThat(recorded.at("/payload/figures/establishmentWte").asDouble()).isEqualTo(15.0);
        assertThat(recorded.at("/payload/figures/leavers/retirement").asInt()).isEqualTo(1);
        assertThat(events.get(1).at("/payload/previous/leavers/retirement").asInt()).isEqualTo(1);
        assertThat(events.get(1).at("/payload/figures/leavers/retirement").asInt()).isEqualTo(2);
        assertThat(events.get(1).get("sequence").asLong()).isEqualTo(1);
        assertThat(recorded.toString()).doesNotContain("workforce-lead.rjr");
    }

    private void recordReturn(String trust, String staffGroup, String body) throws Exception {
        mvc.perform(post("/api/workforce/trusts/" + trust + "/staff-groups/" + staffGroup + "/returns")
                        .with(workforceLead(trust)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }

    static String returnBody(String month, double establishment, double staffInPost, int headcount, int joiners,
            int retirements) throws Exception {
        return new ObjectMapper().writeValueAsString(Map.of("month", month, "establishmentWte", establishment,
                "staffInPostWte", staffInPost, "staffInPostHeadcount", headcount, "joiners", joiners,
                "leavers", Map.of("retirement", retirements)));
    }

    static String correctionBody(double establishment, double staffInPost, int headcount, int retirements,
            String reason) throws Exception {
        return new ObjectMapper().writeValueAsString(Map.of("establishmentWte", establishment,
                "staffInPostWte", staffInPost, "staffInPostHeadcount", headcount,
                "leavers", Map.of("retirement", retirements), "reason", reason));
    }

    private static double sum(JsonNode byKey, String field) {
        double total = 0;
        for (Iterator<JsonNode> values = byKey.elements(); values.hasNext(); ) {
            total += values.next().get(field).asDouble();
        }
        return Math.round(total * 100) / 100.0;
    }
}
