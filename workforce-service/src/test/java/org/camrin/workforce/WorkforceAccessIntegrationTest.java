package org.camrin.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camrin.infra.testing.TestUsers.clinician;
import static org.camrin.infra.testing.TestUsers.programmeManager;
import static org.camrin.infra.testing.TestUsers.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camrin.infra.testing.TestServers;
import org.camrin.infra.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may change what, initiatives, plans and the projection, against the real event store,
 * query store and Kafka broker.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkforceAccessIntegrationTest {

    private static final String RETURN = "{\"month\":\"2025-01\",\"establishmentWte\":10,\"staffInPostWte\":9,\"staffInPostHeadcount\":9}";
    private static final String CORRECTION = "{\"establishmentWte\":10,\"staffInPostWte\":9,\"staffInPostHeadcount\":9,\"reason\":\"Restated\"}";
    private static final String CSV = "trust,staff_group,month,establishment_wte,staff_in_post_wte,staff_in_post_headcount,"
            + "vacancy_wte,bank_wte,agency_wte,joiners,leavers_retirement,leavers_another_nhs_trust,leavers_outside_nhs,"
            + "leavers_other,trainees\nREM,sonographers,2025-01,10,9,9,,0,0,0,0,0,0,0,0\n";
    private static final String INITIATIVE = "{\"title\":\"Apprentices\",\"theme\":\"SUPPLY\",\"staffGroups\":[\"sonographers\"],"
            + "\"trusts\":[\"REM\"],\"plannedWteEffect\":2,\"startDate\":\"2026-01-01\",\"plannedEndDate\":\"2027-01-01\"}";
    private static final String ACTION = "{\"title\":\"Agree places\",\"owner\":\"Workforce lead, REM\",\"dueDate\":\"2026-09-30\"}";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "workforce_access_test");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    static RequestPostProcessor wirralLead() {
        return user("workforce-lead.rbl", "RBL", "workforce-lead");
    }

    /**
     * Lists every change endpoint, aimed at Liverpool University Hospitals (REM) or at the network's
     * initiatives and plans, none of which a Wirral workforce lead may change.
     */
    static Stream<Arguments> changeEndpoints() {
        String someId = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("record return", post("/api/workforce/trusts/REM/staff-groups/sonographers/returns")
                        .contentType(MediaType.APPLICATION_JSON).content(RETURN)),
                Arguments.of("correct return", post("/api/workforce/trusts/REM/staff-groups/sonographers/returns/2025-01/corrections")
                        .contentType(MediaType.APPLICATION_JSON).content(CORRECTION)),
                Arguments.of("import returns", post("/api/workforce/trusts/REM/imports")
                        .contentType("text/csv").content(CSV)),
                Arguments.of("propose initiative", post("/api/workforce/initiatives")
                        .contentType(MediaType.APPLICATION_JSON).content(INITIATIVE)),
                Arguments.of("change initiative status", post("/api/workforce/initiatives/" + someId + "/status")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PLANNED\",\"effectiveOn\":\"2026-01-01\"}")),
                Arguments.of("record initiative effect", put("/api/workforce/initiatives/" + someId + "/actual-effect")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"actualWteEffect\":1,\"measuredOn\":\"2026-06-01\"}")),
                Arguments.of("add plan action", post("/api/workforce/plans/E54000008/actions")
                        .contentType(MediaType.APPLICATION_JSON).content(ACTION)),
                Arguments.of("change plan action status", post("/api/workforce/plans/E54000008/actions/" + someId + "/status")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"IN_PROGRESS\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changeEndpoints")
    void wirralLeadDenied(String name, MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(wirralLead()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(get("/api/workforce/trusts/REM/staff-groups/sonographers").with(clinician()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/workforce/initiatives").with(clinician()))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void networkRolesCannotChangeTrustRecords() throws Exception {
        mvc.perform(post("/api/workforce/trusts/REM/staff-groups/sonographers/returns").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content(RETURN))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/workforce/trusts/REM/staff-groups/sonographers/returns")
                        .with(user("clinician.rem", "REM", "clinician"))
                        .contentType(MediaType.APPLICATION_JSON).content(RETURN))
                .andExpect(status().isForbidden());
    }

    @Test
    void initiativeLifecycleAndProjection() throws Exception {
        // The trust admin of Countess of Chester records two months of radiologists.
        RequestPostProcessor admin = user("trust-admin.rjr", "RJR", "trust-admin");
        mvc.perform(post("/api/workforce/trusts/RJR/staff-groups/radiologists/returns").with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"month\":\"2025-01\",\"establishmentWte\":22,\"staffInPostWte\":20,\"staffInPostHeadcount\":20,"
                                + "\"joiners\":1,\"leavers\":{\"retirement\":1}}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/workforce/trusts/RJR/staff-groups/radiologists/returns").with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"month\":\"2025-02\",\"establishmentWte\":22,\"staffInPostWte\":20,\"staffInPostHeadcount\":20,"
                                + "\"joiners\":1,\"leavers\":{\"anotherNhsTrust\":1}}"))
                .andExpect(status().isCreated());

        String body = "{\"title\":\"International recruitment\",\"theme\":\"SUPPLY\",\"staffGroups\":[\"radiologists\"],"
                + "\"trusts\":[\"RJR\",\"RBL\"],\"plannedWteEffect\":4,\"startDate\":\"2025-03-01\",\"plannedEndDate\":\"2025-12-31\"}";
        JsonNode created = json.readTree(mvc.perform(post("/api/workforce/initiatives").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.createdBy").value("programme-manager.rem"))
                .andReturn().getResponse().getContentAsString());
        String initiativeId = created.get("id").asText();
        mvc.perform(post("/api/workforce/initiatives/" + initiativeId + "/status").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PLANNED\",\"effectiveOn\":\"2025-03-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PLANNED"));
        mvc.perform(post("/api/workforce/initiatives/" + initiativeId + "/status").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"COMPLETED\",\"effectiveOn\":\"2025-03-01\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("IN_PROGRESS")));

        // Base February 2025 for RJR: 20 WTE from 20 people, 2 joiners and 2 leavers over an
        // average of 20 (10% turnover), plus 4 / 2 trusts = 2 WTE landing in December 2025.
        // Year 1: 20 - 2 + 2 + 2 = 22. Year 2: 22 - 2.2 + 2 = 21.8.
        mvc.perform(get("/api/workforce/projection").param("trust", "RJR").param("baseMonth", "2025-02")
                        .param("years", "2").with(clinician()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("RJR"))
                .andExpect(jsonPath("$.staffGroups[0].staffGroup").value("radiologists"))
                .andExpect(jsonPath("$.staffGroups[0].initiatives[0].wte").value(2.0))
                .andExpect(jsonPath("$.staffGroups[0].years[0].staffInPostWte").value(22.0))
                .andExpect(jsonPath("$.staffGroups[0].years[1].staffInPostWte").value(21.8))
                .andExpect(jsonPath("$.staffGroups[0].years[1].gapWte").value(0.2))
                .andExpect(jsonPath("$.assumptions[0]", containsString("turnover")));

        mvc.perform(get("/api/workforce/projection").param("years", "0").with(clinician()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("years"));

        List<JsonNode> events = TopicReader.valuesWithKey("camrin.workforce.events", initiativeId, 2);
        assertThat(events).extracting(event -> event.get("type").asText())
                .containsExactly("InitiativeProposed", "InitiativeStatusChanged");
        assertThat(events.get(0).get("subjectType").asText()).isEqualTo("initiative");
        assertThat(events.get(0).at("/payload/theme").asText()).isEqualTo("SUPPLY");
        assertThat(events.get(1).at("/payload/to").asText()).isEqualTo("PLANNED");
    }

    @Test
    void planActionsAddedAndMoved() throws Exception {
        String actionId = mvc.perform(post("/api/workforce/plans/E54000008/actions").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content(ACTION))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("X-Action-Id");

        mvc.perform(post("/api/workforce/plans/E54000008/actions/" + actionId + "/status").with(user("admin", null, "network-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"IN_PROGRESS\",\"reason\":\"Funding agreed\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions['" + actionId + "'].status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.actions['" + actionId + "'].owner").value("Workforce lead, REM"));

        mvc.perform(get("/api/workforce/plans").with(clinician()))
                .andExpect(jsonPath("$[*].code", hasItem("E54000008")));
        mvc.perform(get("/api/workforce/plans/E99999999").with(clinician()))
                .andExpect(status().isNotFound());

        List<JsonNode> events = TopicReader.valuesWithKey("camrin.workforce.events", "E54000008", 2);
        assertThat(events.get(0).get("type").asText()).isEqualTo("PlanActionAdded");
        assertThat(events.get(0).get("payload").has("owner")).isFalse();
    }
}
