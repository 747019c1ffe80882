package org.camrin.programme.project.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.camrin.programme.project.api.ProjectEvents.ProjectCreatedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectRenamedEvent;
import org.camrin.programme.project.api.ProjectId;
import org.bson.Document;
import org.camrin.infra.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A batch handled again after a crash must not apply an event twice, and tracking tokens must
 * stay unique per processor segment.
 */
@SpringBootTest
class ProjectProjectionIdempotenceTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "programme_idempotence_test");
    }

    @Autowired
    ProjectProjection projection;

    @Autowired
    MongoTemplate mongo;

    @Test
    void repeatedEventAppliedOnce() {
        ProjectId id = new ProjectId(UUID.randomUUID());
        Instant at = Instant.parse("2026-11-02T10:15:30Z");
        projection.on(new ProjectCreatedEvent(id, "data", "First", "", "REM", List.of("REM")), 0, at, "pm", "REM");
        projection.on(new ProjectRenamedEvent(id, "Second", "First"), 1, at.plusSeconds(60));

        // The same sequence number delivered again, as after a crash before the token was stored.
        projection.on(new ProjectRenamedEvent(id, "Replayed by mistake", "First"), 1, at.plusSeconds(120));
        projection.on(new ProjectCreatedEvent(id, "data", "Recreated", "", "RBL", List.of("RBL")), 0, at, "pm", "RBL");

        ProjectView view = mongo.findById(id.toString(), ProjectView.class);
        assertThat(view.title()).isEqualTo("Second");
        assertThat(view.leadTrust()).isEqualTo("REM");
        assertThat(view.version()).isEqualTo(1);
    }

    @Test
    void tokenStoreIndexIsUnique() {
        List<Document> indexes = mongo.getCollection("trackingtokens").listIndexes().into(new java.util.ArrayList<>());

        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.get("unique")).isEqualTo(true);
            Document keys = (Document) index.get("key");
            assertThat(keys.keySet()).containsExactlyInAnyOrder("processorName", "segment");
        });
    }
}
