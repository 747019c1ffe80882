package org.camrin.programme.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camrin.infra.testing.TestUsers.clinician;
import static org.camrin.infra.testing.TestUsers.programmeManager;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/**
 * The project API against real servers: the PostgreSQL event store, the MongoDB-compatible query
 * store and a Kafka broker.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProjectApiIntegrationTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "programme_api_test");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void programmesListedWithoutCreation() throws Exception {
        mvc.perform(get("/api/programmes").with(clinician()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(5)))
                .andExpect(jsonPath("$[*].id", hasItem("clinical-transformation")))
                .andExpect(jsonPath("$[*].id", hasItem("workforce")));
    }

    @Test
    void createReadChangeAndHistory() throws Exception {
        String projectId = createProject("Lung pathway standardisation");

        mvc.perform(get("/api/projects/" + projectId).with(clinician()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Lung pathway standardisation"))
                .andExpect(jsonPath("$.leadTrust").value("REM"))
                .andExpect(jsonPath("$.participatingTrusts", hasItem("RBL")))
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.createdBy").value("programme-manager.rem"));

        mvc.perform(post("/api/projects/" + projectId + "/status").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"APPROVED\",\"reason\":\"Board approved\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));

        mvc.perform(put("/api/projects/" + projectId + "/rag").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"AMBER\",\"reason\":\"Supplier delay\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rag.rating").value("AMBER"))
                .andExpect(jsonPath("$.rag.ratedBy").value("programme-manager.rem"));

        String milestoneId = mvc.perform(post("/api/projects/" + projectId + "/milestones").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Go live\",\"dueDate\":\"2027-01-31\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("X-Milestone-Id");

        mvc.perform(post("/api/projects/" + projectId + "/milestones/" + milestoneId + "/completion").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"completedOn\":\"2027-02-03\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.milestones[0].daysLate").value(3));

        mvc.perform(put("/api/projects/" + projectId + "/title").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Lung pathway\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Lung pathway"));

        mvc.perform(get("/api/projects/" + projectId + "/history").with(clinician()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(6)))
                .andExpect(jsonPath("$[0].type").value("ProjectCreated"))
                .andExpect(jsonPath("$[0].username").value("programme-manager.rem"))
                .andExpect(jsonPath("$[0].trust").value("REM"))
                .andExpect(jsonPath("$[0].correlationId").isNotEmpty())
                .andExpect(jsonPath("$[1].type").value("ProjectStatusChanged"))
                .andExpect(jsonPath("$[1].change.reason").value("Board approved"));

        mvc.perform(get("/api/programmes/clinical-transformation/projects").with(clinician()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].projectId", hasItem(projectId)));
    }

    @Test
    void correlationIdFromRequestStoredWithEvent() throws Exception {
        String projectId = json.readTree(mvc.perform(post("/api/programmes/data/projects").with(programmeManager())
                        .header("X-Correlation-Id", "trace-42")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Traced\",\"leadTrust\":\"RBL\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Correlation-Id", "trace-42"))
                .andReturn().getResponse().getContentAsString()).get("id").asText();

        mvc.perform(get("/api/projects/" + projectId + "/history").with(clinician()))
                .andExpect(jsonPath("$[0].correlationId").value("trace-42"));
    }

    @Test
    void readerCannotCreate() throws Exception {
        mvc.perform(post("/api/programmes/data/projects").with(clinician())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Not mine\",\"leadTrust\":\"RBL\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void openApiDescribesProjectEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/programmes/{programmeId}/projects'].post").exists())
                .andExpect(jsonPath("$.paths['/api/projects/{projectId}/history'].get").exists());
    }

    @Test
    void anonymousRequestGets401Problem() throws Exception {
        mvc.perform(get("/api/programmes"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void illegalStatusMoveGets409AndChangesNothing() throws Exception {
        String projectId = createProject("Illegal move");

        mvc.perform(post("/api/projects/" + projectId + "/status").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"COMPLETED\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type", containsString("illegal-status-transition")))
                .andExpect(jsonPath("$.detail", containsString("PROPOSED")));

        mvc.perform(get("/api/projects/" + projectId + "/history").with(clinician()))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void invalidInputNamesTheField() throws Exception {
        mvc.perform(post("/api/programmes/data/projects").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"\",\"leadTrust\":\"REM\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));

        mvc.perform(post("/api/programmes/data/projects").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Trust typo\",\"leadTrust\":\"RXX\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("leadTrust"))
                .andExpect(jsonPath("$.errors[0].detail", containsString("RBL")));

        mvc.perform(post("/api/programmes/data/projects").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Extra\",\"leadTrust\":\"REM\",\"budget\":3}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("budget"));

        String projectId = createProject("Bad enum");
        mvc.perform(post("/api/projects/" + projectId + "/status").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"FINISHED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].detail", containsString("IN_PROGRESS")));

        mvc.perform(post("/api/projects/" + projectId + "/milestones").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Go live\",\"dueDate\":\"31/01/2027\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueDate"))
                .andExpect(jsonPath("$.errors[0].detail", containsString("YYYY-MM-DD")));

        mvc.perform(post("/api/projects/" + projectId + "/milestones").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Far away\",\"dueDate\":\"+999999999-12-31\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueDate"))
                .andExpect(jsonPath("$.errors[0].detail", containsString("2199-12-31")));

        mvc.perform(post("/api/programmes/data/projects").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"One\",\"title\":\"Two\",\"leadTrust\":\"REM\"}"))
                .andExpect(status().isBadRequest());

        mvc.perform(get("/api/projects/" + projectId + "/history").with(clinician()))
                .andExpect(jsonPath("$", hasSize(1)));

        mvc.perform(get("/api/projects/not-a-uuid").with(clinician()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("projectId"));
    }

    @Test
    void unknownProjectAndProgrammeGet404() throws Exception {
        mvc.perform(get("/api/projects/" + UUID.randomUUID()).with(clinician()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/projects/" + UUID.randomUUID() + "/history").with(clinician()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/programmes/cardiology/projects").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"leadTrust\":\"REM\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("clinical-transformation")));
        mvc.perform(post("/api/projects/" + UUID.randomUUID() + "/status").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"APPROVED\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void projectEventsReachKafkaInPublicForm() throws Exception {
        String projectId = createProject("Published to Kafka");
        mvc.perform(post("/api/projects/" + projectId + "/status").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"APPROVED\"}"))
                .andExpect(status().isOk());

        List<JsonNode> events = TopicReader.valuesWithKey("camrin.programme.events", projectId, 2);

        assertThat(events).extracting(event -> event.get("type").asText())
                .containsExactly("ProjectCreated", "ProjectStatusChanged");
        JsonNode created = events.get(0);
        assertThat(created.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(created.get("eventId").asText()).isNotBlank();
        assertThat(created.get("trust").asText()).isEqualTo("REM");
        assertThat(created.get("payload").get("leadTrust").asText()).isEqualTo("REM");
        assertThat(created.get("payload").get("programmeId").asText()).isEqualTo("clinical-transformation");
        assertThat(events.get(1).get("payload").get("to").asText()).isEqualTo("APPROVED");
        assertThat(events.get(1).get("sequence").asLong()).isEqualTo(1);
    }

    private String createProject(String title) throws Exception {
        String body = json.writeValueAsString(Map.of("title", title, "summary", "Created by a test",
                "leadTrust", "REM", "participatingTrusts", List.of("RBL")));
        String response = mvc.perform(post("/api/programmes/clinical-transformation/projects").with(programmeManager())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/projects/")))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("id").asText();
    }
}
