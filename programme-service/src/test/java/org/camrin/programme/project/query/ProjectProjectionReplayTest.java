package org.camrin.programme.project.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camrin.infra.testing.TestUsers.programmeManager;
import static org.camrin.infra.testing.TestUsers.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.camrin.infra.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Replaying the project projection from the PostgreSQL event store rebuilds the same documents. */
@SpringBootTest
@AutoConfigureMockMvc
class ProjectProjectionReplayTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "programme_replay_test");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ObjectMapper json;

    @Test
    void replayRebuildsSameDocuments() throws Exception {
        for (int i = 0; i < 12; i++) {
            String projectId = json.readTree(mvc.perform(post("/api/programmes/procurement/projects").with(programmeManager())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"title\":\"CT scanner replacement " + i + "\",\"leadTrust\":\"RWW\",\"participatingTrusts\":[\"RBT\"]}"))
                    .andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString()).get("id").asText();
            mvc.perform(post("/api/projects/" + projectId + "/status").with(programmeManager())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"APPROVED\"}"))
                    .andExpect(status().isOk());
            mvc.perform(post("/api/projects/" + projectId + "/milestones").with(programmeManager())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Tender\",\"dueDate\":\"2027-06-30\"}"))
                    .andExpect(status().isCreated());
        }
        List<Document> projectsBefore = all("projects");
        List<Document> listingsBefore = all("programme_projects");

        mvc.perform(post("/api/admin/programme/processors/project-projection/replay")
                        .with(user("network-admin.rem", "REM", "network-admin")))
                .andExpect(status().isAccepted());
        awaitRebuilt(projectsBefore);

        assertThat(all("projects")).isEqualTo(projectsBefore);
        assertThat(all("programme_projects")).isEqualTo(listingsBefore);
    }

    @Test
    void replayOnlyForNetworkAdmins() throws Exception {
        mvc.perform(post("/api/admin/programme/processors/project-projection/replay").with(programmeManager()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/programme/processors").with(programmeManager()))
                .andExpect(status().isForbidden());
    }

    private void awaitRebuilt(List<Document> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!all("projects").equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        StreamingEventProcessor processor = processing
                .eventProcessor("project-projection", StreamingEventProcessor.class).orElseThrow();
        while (processor.isReplaying() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private List<Document> all(String collection) {
        return mongo.getCollection(collection).find().into(new java.util.ArrayList<>()).stream()
                .sorted(Comparator.comparing(document -> document.get("_id").toString()))
                .toList();
    }
}
