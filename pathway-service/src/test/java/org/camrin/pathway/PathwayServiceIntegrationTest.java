package org.camrin.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camrin.infra.testing.TestUsers.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.camrin.infra.testing.KafkaTestServer;
import org.camrin.infra.testing.TestServers;
import org.camrin.pathway.feed.FeedContract;
import org.camrin.pathway.feed.consumer.PathwayFeedConsumer;
import org.camrin.pathway.patient.identity.PatientKeyStore;
import org.camrin.pathway.patient.identity.Pseudonymiser;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pathway service against real servers: the PostgreSQL event store, the MongoDB-compatible
 * query store and a Kafka broker. The last test scans everything stored and published for the
 * NHS numbers the other tests sent.
 */
@SpringBootTest(properties = "camrin.pathway.breach-poll-interval=PT0.5S")
// MockMvc would print failed requests, NHS numbers included, into the output the last test scans.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PathwayServiceIntegrationTest {

    /** Every NHS number sent to the service in this class, valid or not. */
    private static final Set<String> NHS_NUMBERS_SENT = new LinkedHashSet<>();
    private static int nextNhsNumber = 100_000_000;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "pathway_api_test");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventStore eventStore;

    @Autowired
    PatientKeyStore keys;

    @Autowired
    Pseudonymiser pseudonymiser;

    private static RequestPostProcessor networkAdmin() {
        return user("network-admin.camrin", null, "network-admin");
    }

    private static RequestPostProcessor trustAdmin(String trust) {
        return user("trust-admin." + trust.toLowerCase(), trust, "trust-admin");
    }

    private static RequestPostProcessor clinician(String trust) {
        return user("clinician." + trust.toLowerCase(), trust, "clinician");
    }

    private static RequestPostProcessor cancerAlliance() {
        return user("cancer-alliance", null, "cancer-alliance");
    }

    @Test
    @Order(1)
    void standardPathwaysSeededOnce() throws Exception {
        mvc.perform(get("/api/pathways/definitions").with(clinician("REM")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("NOLCP-IMAGING")))
                .andExpect(jsonPath("$[*].code", hasItem("FDS-28")))
                .andExpect(jsonPath("$[*].code", hasItem("REPORTING-4W")));

        mvc.perform(get("/api/pathways/definitions/NOLCP-IMAGING").with(clinician("REM")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.versions.1.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.versions.1.steps[0].key").value("ct-performed"))
                .andExpect(jsonPath("$.versions.1.steps[0].target").value("PT72H"))
                .andExpect(jsonPath("$.versions.1.steps[1].target").value("PT672H"))
                .andExpect(jsonPath("$.versions.1.steps[2].target").value("PT1176H"));
        mvc.perform(get("/api/pathways/definitions/FDS-28").with(clinician("REM")))
                .andExpect(jsonPath("$.versions.1.steps[0].target").value("PT672H"));

        // Created and published: two events, however often the service has started.
        assertThat(eventStore.lastSequenceNumberFor("NOLCP-IMAGING")).contains(1L);
    }

    @Test
    void planDefinitionHasStepOffsets() throws Exception {
        mvc.perform(get("/api/pathways/definitions/NOLCP-IMAGING/versions/1/plan-definition").with(clinician("REM")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resourceType").value("PlanDefinition"))
                .andExpect(jsonPath("$.version").value("1"))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.action[0].id").value("ct-performed"))
                .andExpect(jsonPath("$.action[0].timingDuration.value").value(72))
                .andExpect(jsonPath("$.action[0].timingDuration.code").value("h"))
                .andExpect(jsonPath("$.action[1].timingDuration.value").value(28))
                .andExpect(jsonPath("$.action[1].timingDuration.code").value("d"));

        createDefinition("FHIR-CHAIN", stepsJson("scan", "PT4H", null, "report", "P2D", "scan"));
        publish("FHIR-CHAIN");
        mvc.perform(get("/api/pathways/definitions/FHIR-CHAIN/versions/1/plan-definition").with(clinician("REM")))
                .andExpect(jsonPath("$.action[1].relatedAction[0].actionId").value("scan"))
                .andExpect(jsonPath("$.action[1].relatedAction[0].relationship").value("after-end"))
                .andExpect(jsonPath("$.action[1].relatedAction[0].offsetDuration.value").value(48))
                .andExpect(jsonPath("$.action[1].relatedAction[0].offsetDuration.code").value("h"));
    }

    @Test
    void definitionVersionsStayImmutable() throws Exception {
        createDefinition("LIFECYCLE", stepsJson("scan", "PT72H", null));
        mvc.perform(get("/api/pathways/definitions/LIFECYCLE/versions/1/plan-definition").with(clinician("REM")))
                .andExpect(status().isNotFound());
        publish("LIFECYCLE");

        String revision = "{\"name\":\"Lifecycle v2\",\"clinicalArea\":\"Lung cancer\",\"steps\":"
                + stepsJson("scan", "PT48H", null) + "}";
        mvc.perform(put("/api/pathways/definitions/LIFECYCLE/draft").with(networkAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(revision))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.versions.1.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.versions.1.steps[0].target").value("PT72H"))
                .andExpect(jsonPath("$.versions.2.status").value("DRAFT"))
                .andExpect(jsonPath("$.versions.2.steps[0].target").value("PT48H"));

        mvc.perform(post("/api/pathways/definitions/LIFECYCLE/publication").with(user("pm.rem", "REM", "programme-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.versions.2.status").value("PUBLISHED"));
        mvc.perform(post("/api/pathways/definitions/LIFECYCLE/publication").with(networkAdmin()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(post("/api/pathways/definitions/LIFECYCLE/versions/1/retirement").with(networkAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Superseded by version 2\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.versions.1.status").value("RETIRED"));
        mvc.perform(get("/api/pathways/definitions/LIFECYCLE/versions/1/plan-definition").with(clinician("REM")))
                .andExpect(jsonPath("$.status").value("retired"));
    }

    @Test
    void definitionInputAndRolesChecked() throws Exception {
        String body = "{\"code\":\"ROLES\",\"name\":\"Roles\",\"clinicalArea\":\"Lung cancer\",\"steps\":"
                + stepsJson("scan", "PT72H", null) + "}";
        mvc.perform(post("/api/pathways/definitions").with(clinician("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/pathways/definitions").with(trustAdmin("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());

        String badDuration = "{\"code\":\"ROLES\",\"name\":\"Roles\",\"clinicalArea\":\"Lung cancer\",\"steps\":"
                + "[{\"key\":\"scan\",\"name\":\"Scan\",\"target\":\"72 hours\"}]}";
        mvc.perform(post("/api/pathways/definitions").with(networkAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(badDuration))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("steps[0].target"));

        for (String target : List.of("PT9999999999999H", "P401D", "-PT1H", "PT0S")) {
            mvc.perform(post("/api/pathways/definitions").with(networkAdmin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"ROLES\",\"name\":\"Roles\",\"clinicalArea\":\"Lung cancer\","
                                    + "\"steps\":" + stepsJson("scan", target, null) + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("steps[0].target"));
        }

        String badAnchor = "{\"code\":\"ROLES\",\"name\":\"Roles\",\"clinicalArea\":\"Lung cancer\",\"steps\":"
                + stepsJson("scan", "PT72H", "report") + "}";
        mvc.perform(post("/api/pathways/definitions").with(networkAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(badAnchor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("steps[0].measuredFrom"));
        mvc.perform(get("/api/pathways/definitions/ROLES").with(clinician("REM")))
                .andExpect(status().isNotFound());

        createDefinition("ROLES", stepsJson("scan", "PT72H", null));
        mvc.perform(post("/api/pathways/definitions").with(networkAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());
    }

    @Test
    void adoptionRulesEnforced() throws Exception {
        createDefinition("ADOPTION", stepsJson("scan", "PT72H", null));
        String adoption = "{\"version\":1,\"effectiveFrom\":\"2026-01-01\"}";

        mvc.perform(put("/api/pathways/definitions/ADOPTION/adoptions/REM").with(trustAdmin("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content(adoption))
                .andExpect(status().isNotFound());
        publish("ADOPTION");

        mvc.perform(put("/api/pathways/definitions/ADOPTION/adoptions/RBL").with(trustAdmin("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content(adoption))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/pathways/definitions/ADOPTION/adoptions/REM").with(clinician("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content(adoption))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/pathways/definitions/ADOPTION/adoptions/REM").with(trustAdmin("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));

        mvc.perform(put("/api/pathways/definitions/ADOPTION/adoptions/REM").with(trustAdmin("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content(adoption))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.adoptions.REM[0].version").value(1))
                .andExpect(jsonPath("$.adoptions.REM[0].adoptedBy").value("trust-admin.rem"))
                .andExpect(jsonPath("$.outcome").value("ADOPTED"));
        long eventsBefore = eventStore.lastSequenceNumberFor("ADOPTION").orElseThrow();

        mvc.perform(put("/api/pathways/definitions/ADOPTION/adoptions/REM").with(trustAdmin("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content(adoption))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ALREADY_ADOPTED"))
                .andExpect(jsonPath("$.message", containsString("nothing was changed")));
        mvc.perform(put("/api/pathways/definitions/ADOPTION/adoptions/REM").with(trustAdmin("REM"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"effectiveFrom\":\"2025-01-01\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("effectiveFrom")))
                .andExpect(jsonPath("$.detail", containsString("back-dated")));
        mvc.perform(put("/api/pathways/definitions/ADOPTION/adoptions/REM").with(trustAdmin("REM"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1.7,\"effectiveFrom\":\"2026-02-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        for (String effectiveFrom : List.of("+999999999-12-31", "1999-12-31",
                LocalDate.now().plusYears(5).plusDays(2).toString())) {
            mvc.perform(put("/api/pathways/definitions/ADOPTION/adoptions/RBL").with(trustAdmin("RBL"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"version\":1,\"effectiveFrom\":\"" + effectiveFrom + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
        }
        assertThat(eventStore.lastSequenceNumberFor("ADOPTION").orElseThrow()).isEqualTo(eventsBefore);
        mvc.perform(get("/api/pathways/definitions/ADOPTION").with(clinician("REM")))
                .andExpect(jsonPath("$.adoptions.REM.length()").value(1))
                .andExpect(jsonPath("$.adoptions.RBL").doesNotExist());

        mvc.perform(post("/api/pathways/definitions/ADOPTION/versions/1/retirement").with(networkAdmin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("REM")));
    }

    @Test
    void invalidNhsNumberRejectedWithoutStoring() throws Exception {
        adoptedPathway("NHS-CHECK", "REM", stepsJson("scan", "PT72H", null));
        long eventsBefore = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        String invalid = sent("9434765918");

        String problem = mvc.perform(post("/api/pathways/patients").with(clinician("REM"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nhsNumber\":\"" + invalid + "\",\"pathwayCode\":\"NHS-CHECK\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("nhsNumber"))
                .andExpect(jsonPath("$.errors[0].detail", containsString("modulus 11")))
                .andReturn().getResponse().getContentAsString();

        assertThat(problem).doesNotContain(invalid);
        mvc.perform(post("/api/pathways/patients").with(clinician("REM"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nhsNumber\":\"" + sent("12345") + "\",\"pathwayCode\":\"NHS-CHECK\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].detail", containsString("10 digits")));
        assertThat(jdbc.queryForObject("select count(*) from domainevententry", Long.class)).isEqualTo(eventsBefore);
    }

    @Test
    void timesOutsideWindowRejected() throws Exception {
        adoptedPathway("TIME-WINDOW", "REM", stepsJson("scan", "PT72H", null));
        String pathwayId = start("TIME-WINDOW", "REM", newNhsNumber(), null);
        // Breaches of other tests' pathways may be stored meanwhile, so they are left out of the count.
        String countEvents = "select count(*) from domainevententry where payloadtype not like '%TargetBreachedEvent'";
        long eventsBefore = jdbc.queryForObject(countEvents, Long.class);

        for (String startedAt : List.of("-999999999-01-01T00:00:00Z", "1999-12-31T23:59:59Z",
                "+1000000000-12-31T23:59:59Z", Instant.now().plus(Duration.ofHours(1)).toString())) {
            mvc.perform(post("/api/pathways/patients").with(clinician("REM"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"nhsNumber\":\"" + newNhsNumber() + "\",\"pathwayCode\":\"TIME-WINDOW\","
                                    + "\"startedAt\":\"" + startedAt + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("startedAt"));
        }
        for (String completedAt : List.of("-999999999-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z")) {
            mvc.perform(post("/api/pathways/patients/" + pathwayId + "/steps/scan").with(clinician("REM"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"completedAt\":\"" + completedAt + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("completedAt"));
        }

        assertThat(jdbc.queryForObject(countEvents, Long.class)).isEqualTo(eventsBefore);
    }

    @Test
    void startNeedsAdoptedVersion() throws Exception {
        createDefinition("NOT-ADOPTED", stepsJson("scan", "PT72H", null));
        publish("NOT-ADOPTED");

        mvc.perform(post("/api/pathways/patients").with(clinician("REM"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nhsNumber\":\"" + newNhsNumber() + "\",\"pathwayCode\":\"NOT-ADOPTED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("adopt")));
    }

    @Test
    void otherTrustsStaffForbidden() throws Exception {
        adoptedPathway("TRUST-CHECK", "REM", stepsJson("scan", "PT72H", null));
        String pathwayId = start("TRUST-CHECK", "REM", newNhsNumber(), null);

        mvc.perform(post("/api/pathways/patients/" + pathwayId + "/steps/scan").with(clinician("RBL"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"completedAt\":\"" + Instant.now() + "\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/pathways/patients/" + pathwayId).with(clinician("RBL")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/pathways/patients/" + pathwayId + "/steps/scan").with(user("radiologist.rem", "REM", "radiologist"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"completedAt\":\"" + Instant.now() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[0].withinTarget").value(true));
        mvc.perform(post("/api/pathways/patients/" + pathwayId + "/steps/scan").with(trustAdmin("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"completedAt\":\"" + Instant.now() + "\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void stepsRecordedLateTwiceAndOutOfOrder() throws Exception {
        adoptedPathway("STEPS", "REM", stepsJson("scan", "PT72H", null, "report", "PT24H", "scan"));
        Instant start = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        String pathwayId = start("STEPS", "REM", newNhsNumber(), start);

        // The report arrives first; its target runs from the scan, which is not yet recorded.
        completeStep(pathwayId, "report", start.plus(Duration.ofHours(100)), "REM")
                .andExpect(jsonPath("$.steps[1].completedAt").value(start.plus(Duration.ofHours(100)).toString()))
                .andExpect(jsonPath("$.steps[1].withinTarget").doesNotExist());
        // The scan arrives days late but was done within its target; the report was then late.
        completeStep(pathwayId, "scan", start.plus(Duration.ofHours(50)), "REM")
                .andExpect(jsonPath("$.steps[0].withinTarget").value(true))
                .andExpect(jsonPath("$.steps[1].dueAt").value(start.plus(Duration.ofHours(74)).toString()))
                .andExpect(jsonPath("$.steps[1].withinTarget").value(false))
                .andExpect(jsonPath("$.steps[1].lateBy").value("PT26H"))
                .andExpect(jsonPath("$.steps[1].breachedAt").isNotEmpty());
        // The same submission again changes nothing; a different time is rejected.
        long stored = eventStore.lastSequenceNumberFor(pathwayId).orElseThrow();
        completeStep(pathwayId, "scan", start.plus(Duration.ofHours(50)), "REM");
        assertThat(eventStore.lastSequenceNumberFor(pathwayId)).contains(stored);
        completeStep(pathwayId, "scan", start.plus(Duration.ofHours(51)), "REM", 409);

        mvc.perform(post("/api/pathways/patients/" + pathwayId + "/completion").with(clinician("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Diagnosis given\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.closingReason").value("Diagnosis given"));
        completeStep(pathwayId, "scan", start.plus(Duration.ofHours(50)), "REM", 409);
    }

    @Test
    void breachFiresAndLateStepRecordsLateness() throws Exception {
        adoptedPathway("SHORT", "RBL", stepsJson("scan", "PT2S", null));
        String pathwayId = start("SHORT", "RBL", newNhsNumber(), null);

        JsonNode breached = await(() -> {
            JsonNode view = read(pathwayId, "RBL");
            return view.at("/steps/0/breachedAt").isTextual() ? view : null;
        });
        assertThat(breached.at("/steps/0/completedAt").isNull()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from pathway_deadline where pathway_id = ?", Long.class,
                pathwayId)).isZero();

        Instant done = Instant.now();
        completeStep(pathwayId, "scan", done, "RBL")
                .andExpect(jsonPath("$.steps[0].withinTarget").value(false))
                .andExpect(jsonPath("$.steps[0].lateBy", not("PT0S")));
        assertThat(types(pathwayId)).containsExactly("PatientPathwayStartedEvent", "TargetBreachedEvent",
                "StepCompletedEvent");
    }

    @Test
    void pauseMovesDeadlines() throws Exception {
        adoptedPathway("PAUSABLE", "RBL", stepsJson("scan", "PT1H", null));
        String pathwayId = start("PAUSABLE", "RBL", newNhsNumber(), null);
        Instant firstDue = await(() -> dueTimeOf(pathwayId));

        mvc.perform(post("/api/pathways/patients/" + pathwayId + "/pause").with(clinician("RBL"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Patient choice\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAUSED"));
        await(() -> jdbc.queryForObject("select count(*) from pathway_deadline where pathway_id = ?", Long.class,
                pathwayId) == 0 ? true : null);
        Thread.sleep(1_100);
        mvc.perform(post("/api/pathways/patients/" + pathwayId + "/resumption").with(clinician("RBL"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Patient available\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));

        Instant movedDue = await(() -> dueTimeOf(pathwayId));
        assertThat(Duration.between(firstDue, movedDue)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void complianceMatchesHandWorkedFigures() throws Exception {
        adoptedPathway("COMPLIANCE", "REM", stepsJson("scan", "PT24H", null));
        adoptPathway("COMPLIANCE", "RBL", 1);
        Instant start = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        // REM: 10 h, 20 h, 23 h within 24 h; 30 h and 80 h late. RBL: 5 h within.
        for (int hours : new int[] {30, 10, 80, 23, 20}) {
            String pathwayId = start("COMPLIANCE", "REM", newNhsNumber(), start);
            completeStep(pathwayId, "scan", start.plus(Duration.ofHours(hours)), "REM");
        }
        String rbl = start("COMPLIANCE", "RBL", newNhsNumber(), start);
        completeStep(rbl, "scan", start.plus(Duration.ofHours(5)), "RBL");
        // One REM pathway never scanned: its breach stays open. One cancelled: its breach closes.
        start("COMPLIANCE", "REM", newNhsNumber(), start);
        String cancelled = start("COMPLIANCE", "REM", newNhsNumber(), start);
        mvc.perform(post("/api/pathways/patients/" + cancelled + "/cancellation").with(clinician("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Referred elsewhere\"}"))
                .andExpect(status().isOk());

        JsonNode network = await(() -> {
            JsonNode report = json.readTree(mvc.perform(get("/api/pathways/compliance/COMPLIANCE/versions/1")
                            .with(cancerAlliance()))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            return report.at("/network/steps/0/measured").asInt() == 6 && report.at("/network/openBreaches").asInt() == 1
                    ? report : null;
        });

        JsonNode rem = trustReport(network, "REM");
        assertThat(rem.at("/steps/0/measured").asInt()).isEqualTo(5);
        assertThat(rem.at("/steps/0/withinTarget").asInt()).isEqualTo(3);
        assertThat(rem.at("/steps/0/shareWithinTarget").asDouble()).isEqualTo(0.6);
        assertThat(rem.at("/steps/0/medianElapsed").asText()).isEqualTo("PT23H");
        assertThat(rem.at("/steps/0/percentile90Elapsed").asText()).isEqualTo("PT80H");
        assertThat(rem.at("/openBreaches").asInt()).isEqualTo(1);

        JsonNode rblReport = trustReport(network, "RBL");
        assertThat(rblReport.at("/steps/0/shareWithinTarget").asDouble()).isEqualTo(1.0);
        assertThat(rblReport.at("/steps/0/medianElapsed").asText()).isEqualTo("PT5H");
        assertThat(trustReport(network, "RBS").at("/steps/0/measured").asInt()).isZero();
        assertThat(trustReport(network, "RBS").at("/steps/0/shareWithinTarget").isNull()).isTrue();

        // Network: 5, 10, 20, 23, 30, 80 hours; 4 of 6 within; median rank 3 is 20 h; 90th rank 6 is 80 h.
        JsonNode total = network.get("network");
        assertThat(total.at("/trust").asText()).isEqualTo("NETWORK");
        assertThat(total.at("/steps/0/withinTarget").asInt()).isEqualTo(4);
        assertThat(total.at("/steps/0/shareWithinTarget").asDouble()).isCloseTo(4.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(total.at("/steps/0/medianElapsed").asText()).isEqualTo("PT20H");
        assertThat(total.at("/steps/0/percentile90Elapsed").asText()).isEqualTo("PT80H");

        mvc.perform(get("/api/pathways/compliance/COMPLIANCE/versions/1").with(clinician("REM")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/pathways/compliance/COMPLIANCE/versions/1/trusts/REM").with(clinician("REM")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[0].measured").value(5));
        mvc.perform(get("/api/pathways/compliance/COMPLIANCE/versions/1/trusts/RBL").with(clinician("REM")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/pathways/compliance/COMPLIANCE/versions/1/trusts/RBL").with(cancerAlliance()))
                .andExpect(status().isOk());
    }

    @Test
    void erasureShredsPatientKey() throws Exception {
        adoptedPathway("ERASURE", "REM", stepsJson("scan", "PT72H", null));
        String erased = newNhsNumber();
        String kept = newNhsNumber();
        String first = start("ERASURE", "REM", erased, null);
        String second = start("ERASURE", "REM", erased, null);
        String other = start("ERASURE", "REM", kept, null);
        String pseudonym = pseudonymiser.pseudonymOf(erased);
        assertThat(read(first, "REM").get("patientPseudonym").asText()).isEqualTo(pseudonym);
        assertThat(read(second, "REM").get("patientPseudonym").asText()).isEqualTo(pseudonym);
        Map<String, Object> startedPayload = startedEventPayload(first);
        String keyId = (String) startedPayload.get("patientKeyId");
        String sealed = (String) startedPayload.get("sealedPseudonym");
        assertThat(keys.decrypt(keyId, sealed)).contains(pseudonym);

        mvc.perform(post("/api/pathways/patients/erasures").with(clinician("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nhsNumber\":\"" + erased + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/pathways/patients/erasures").with(trustAdmin("REM"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nhsNumber\":\"" + erased + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.erasedPathways").value(2));

        // The stored event is unchanged but can no longer be read, and nothing links it to the patient.
        assertThat(startedEventPayload(first).get("sealedPseudonym")).isEqualTo(sealed);
        assertThat(keys.decrypt(keyId, sealed)).isEmpty();
        assertThat(mongo.findById(pseudonym, Document.class, "patient_key_links")).isNull();
        assertThat(mongo.findById(keyId, Document.class, "patient_keys")).isNull();
        JsonNode firstView = await(() -> {
            JsonNode view = read(first, "REM");
            return "ERASED".equals(view.get("status").asText()) ? view : null;
        });
        assertThat(firstView.get("patientErased").asBoolean()).isTrue();
        assertThat(firstView.get("patientPseudonym").isNull()).isTrue();
        Document stored = mongo.findById(first, Document.class, "patient_pathways");
        assertThat(stored.get("patientKeyId")).isNull();
        assertThat(stored.get("sealedPseudonym")).isNull();
        assertThat(read(other, "REM").get("patientPseudonym").asText()).isEqualTo(pseudonymiser.pseudonymOf(kept));
        completeStep(first, "scan", Instant.now(), "REM", 409);

        // Starting the same patient again gives a new key that nothing links to the erased pathways.
        String again = start("ERASURE", "REM", erased, null);
        assertThat(startedEventPayload(again).get("patientKeyId")).isNotEqualTo(keyId);

        List<JsonNode> feed = feedRecords();
        assertThat(feed).anySatisfy(record -> {
            assertThat(record.get("type").asText()).isEqualTo("PatientPathwayErased");
            assertThat(record.get("patientPathwayId").asText()).isEqualTo(second);
        });
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noNhsNumberStoredLoggedOrPublished(CapturedOutput output) throws Exception {
        adoptedPathway("SCAN", "RWW", stepsJson("scan", "PT1S", null, "report", "PT1H", "scan"));
        String nhsNumber = newNhsNumber();
        String pathwayId = start("SCAN", "RWW", nhsNumber, null);
        await(() -> read(pathwayId, "RWW").at("/steps/0/breachedAt").isTextual() ? true : null);
        completeStep(pathwayId, "scan", Instant.now(), "RWW");
        mvc.perform(post("/api/pathways/patients").with(clinician("RWW"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nhsNumber\":\"" + sent("9434765918") + "\",\"pathwayCode\":\"SCAN\"}"))
                .andExpect(status().isBadRequest());
        List<JsonNode> feed = feedRecordsUntil(records -> records.stream()
                .anyMatch(record -> pathwayId.equals(record.path("patientPathwayId").asText())
                        && "StepCompleted".equals(record.get("type").asText())));
        assertThat(NHS_NUMBERS_SENT).hasSizeGreaterThan(10);

        List<String> stored = new ArrayList<>();
        jdbc.query("select payload, metadata from domainevententry", row -> {
            stored.add(new String(row.getBytes(1), StandardCharsets.UTF_8));
            stored.add(new String(row.getBytes(2), StandardCharsets.UTF_8));
        });
        jdbc.query("select * from pathway_deadline", row -> {
            stored.add(row.getString(1) + " " + row.getString(2));
        });
        int events = stored.size();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                stored.add(document.toJson());
            }
        }
        List<String> published = new ArrayList<>();
        feed.forEach(record -> published.add(record.toString()));

        assertThat(events).isGreaterThan(50);
        assertThat(stored.size()).isGreaterThan(events);
        assertThat(published).hasSizeGreaterThan(20);
        for (String number : NHS_NUMBERS_SENT) {
            assertThat(stored).as("stored events, rows and documents").noneMatch(text -> text.contains(number));
            assertThat(published).as("Kafka records").noneMatch(text -> text.contains(number));
            assertThat(output.getAll()).as("log output").doesNotContain(number);
        }
        assertThat(String.join("\n", published)).contains(pseudonymiser.pseudonymOf(nhsNumber));

        FeedContract contract = FeedContract.load();
        for (JsonNode record : feed) {
            assertThat(contract.errorsOf(record)).as("record %s", record).isEmpty();
        }
        assertThat(feed).extracting(record -> record.get("type").asText())
                .contains("PathwayDefinitionPublished", "PathwayDefinitionRetired", "PathwayVersionAdopted",
                        "PatientPathwayStarted", "StepCompleted", "StepTargetMeasured", "TargetBreached",
                        "PatientPathwayPaused", "PatientPathwayResumed", "PatientPathwayCompleted",
                        "PatientPathwayCancelled", "PatientPathwayErased");
    }

    @Test
    void exampleConsumerPrintsFeed() throws Exception {
        adoptedPathway("CONSUMER", "RBT", stepsJson("scan", "PT72H", null));
        String nhsNumber = newNhsNumber();
        String pathwayId = start("CONSUMER", "RBT", nhsNumber, null);
        completeStep(pathwayId, "scan", Instant.now(), "RBT");

        Properties config = PathwayFeedConsumer.kafkaConfig(KafkaTestServer.shared().bootstrapServers(),
                "analyst-" + UUID.randomUUID());
        StringWriter printed = new StringWriter();
        long deadline = System.currentTimeMillis() + 30_000;
        new PathwayFeedConsumer(config, true).consume(printed, () -> printed.toString().contains(pathwayId
                + "\",\"event\":{\"eventId") && printed.toString().contains("\"StepCompleted\"")
                && printed.toString().lines().filter(line -> line.contains(pathwayId)).count() >= 2
                || System.currentTimeMillis() > deadline);

        List<String> lines = printed.toString().lines().filter(line -> line.contains("\"key\":\"" + pathwayId)).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("PatientPathwayStarted").contains(pseudonymiser.pseudonymOf(nhsNumber))
                .doesNotContain(nhsNumber);
        assertThat(lines.get(1)).contains("StepCompleted");

        // A second run of the same group carries on from the committed offsets and rereads nothing.
        StringWriter again = new StringWriter();
        long stopAt = System.currentTimeMillis() + 3_000;
        new PathwayFeedConsumer(config, false).consume(again, () -> System.currentTimeMillis() > stopAt);
        assertThat(again.toString()).doesNotContain(pathwayId);
    }

    // ---- helpers ----

    private static String sent(String nhsNumber) {
        NHS_NUMBERS_SENT.add(nhsNumber);
        return nhsNumber;
    }

    /** Returns a new valid NHS number: nine digits counting up, and the modulus 11 check digit. */
    private static synchronized String newNhsNumber() {
        while (true) {
            String stem = Integer.toString(nextNhsNumber++);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (stem.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return sent(stem + check);
            }
        }
    }

    private static String stepsJson(String... keyTargetFrom) {
        StringBuilder steps = new StringBuilder("[");
        for (int i = 0; i < keyTargetFrom.length; i += 3) {
            if (i > 0) {
                steps.append(',');
            }
            steps.append("{\"key\":\"").append(keyTargetFrom[i]).append("\",\"name\":\"Step ").append(keyTargetFrom[i])
                    .append("\",\"target\":\"").append(keyTargetFrom[i + 1]).append('"');
            if (keyTargetFrom[i + 2] != null) {
                steps.append(",\"measuredFrom\":\"").append(keyTargetFrom[i + 2]).append('"');
            }
            steps.append('}');
        }
        return steps.append(']').toString();
    }

    private void createDefinition(String code, String steps) throws Exception {
        String body = "{\"code\":\"" + code + "\",\"name\":\"Pathway " + code + "\",\"clinicalArea\":\"Lung cancer\","
                + "\"steps\":" + steps + ",\"standards\":[\"Test standard\"]}";
        mvc.perform(post("/api/pathways/definitions").with(networkAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.versions.1.status").value("DRAFT"));
    }

    private void publish(String code) throws Exception {
        mvc.perform(post("/api/pathways/definitions/" + code + "/publication").with(networkAdmin()))
                .andExpect(status().isOk());
    }

    private void adoptPathway(String code, String trust, int version) throws Exception {
        mvc.perform(put("/api/pathways/definitions/" + code + "/adoptions/" + trust).with(trustAdmin(trust))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + ",\"effectiveFrom\":\"" + LocalDate.now().minusDays(30) + "\"}"))
                .andExpect(status().isOk());
    }

    private void adoptedPathway(String code, String trust, String steps) throws Exception {
        createDefinition(code, steps);
        publish(code);
        adoptPathway(code, trust, 1);
    }

    private String start(String code, String trust, String nhsNumber, Instant startedAt) throws Exception {
        String body = "{\"nhsNumber\":\"" + nhsNumber + "\",\"pathwayCode\":\"" + code + "\""
                + (startedAt == null ? "" : ",\"startedAt\":\"" + startedAt + "\"") + "}";
        String response = mvc.perform(post("/api/pathways/patients").with(clinician(trust))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.trust").value(trust))
                .andExpect(jsonPath("$.patientPseudonym").value(pseudonymiser.pseudonymOf(nhsNumber)))
                .andReturn().getResponse().getContentAsString();
        assertThat(response).doesNotContain(nhsNumber);
        return json.readTree(response).get("id").asText();
    }

    private org.springframework.test.web.servlet.ResultActions completeStep(String pathwayId, String step, Instant at,
            String trust) throws Exception {
        return completeStep(pathwayId, step, at, trust, 200);
    }

    private org.springframework.test.web.servlet.ResultActions completeStep(String pathwayId, String step, Instant at,
            String trust, int expectedStatus) throws Exception {
        return mvc.perform(post("/api/pathways/patients/" + pathwayId + "/steps/" + step).with(clinician(trust))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"completedAt\":\"" + at + "\"}"))
                .andExpect(status().is(expectedStatus));
    }

    private JsonNode read(String pathwayId, String trust) throws Exception {
        return json.readTree(mvc.perform(get("/api/pathways/patients/" + pathwayId).with(clinician(trust)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private Instant dueTimeOf(String pathwayId) {
        return jdbc.query("select due_at from pathway_deadline where pathway_id = ?",
                (row, index) -> row.getTimestamp(1).toInstant(), pathwayId).stream().findFirst().orElse(null);
    }

    private static JsonNode trustReport(JsonNode network, String trust) {
        for (JsonNode report : network.get("trusts")) {
            if (report.get("trust").asText().equals(trust)) {
                return report;
            }
        }
        throw new AssertionError("No report for " + trust);
    }

    private List<String> types(String pathwayId) {
        return jdbc.queryForList("select payloadtype from domainevententry where aggregateidentifier = ? "
                + "order by sequencenumber", String.class, pathwayId).stream()
                .map(type -> type.substring(type.lastIndexOf('$') + 1))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> startedEventPayload(String pathwayId) throws Exception {
        byte[] payload = jdbc.queryForObject("select payload from domainevententry where aggregateidentifier = ? "
                + "and sequencenumber = 0", byte[].class, pathwayId);
        return json.readValue(payload, Map.class);
    }

    private List<JsonNode> feedRecords() throws Exception {
        return feedRecordsUntil(records -> false);
    }

    /** Reads every record on the feed from the beginning until the condition is met or the topic is idle. */
    private List<JsonNode> feedRecordsUntil(java.util.function.Predicate<List<JsonNode>> done) throws Exception {
        Properties config = PathwayFeedConsumer.kafkaConfig(KafkaTestServer.shared().bootstrapServers(),
                "test-" + UUID.randomUUID());
        List<JsonNode> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(PathwayFeedConsumer.TOPIC));
            long deadline = System.currentTimeMillis() + 30_000;
            long idleSince = System.currentTimeMillis();
            while (System.currentTimeMillis() < deadline) {
                int before = records.size();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode value = json.readTree(record.value());
                    assertThat(record.key()).isEqualTo(value.get("patientPathwayId").isNull()
                            ? "definition:" + value.get("pathwayCode").asText()
                            : value.get("patientPathwayId").asText());
                    records.add(value);
                }
                if (records.size() > before) {
                    idleSince = System.currentTimeMillis();
                }
                boolean idle = System.currentTimeMillis() - idleSince > 3_000 && !records.isEmpty();
                if (done.test(records) || idle) {
                    break;
                }
            }
        }
        return records;
    }

    private static <T> T await(Callable<T> probe) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            T result = probe.call();
            if (result != null) {
                return result;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Condition not met within 20 seconds");
    }
}
