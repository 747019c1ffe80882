package org.camrin.programme.project.query;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.camrin.programme.project.api.ProjectEvents.MilestoneAddedEvent;
import org.camrin.programme.project.api.ProjectEvents.MilestoneCompletedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectCreatedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectRagRatedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectRenamedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectStatusChangedEvent;
import org.camrin.programme.project.api.ProjectId;
import org.camrin.programme.project.api.ProjectStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the project query models in MongoDB up to date from the event store.
 *
 * <p>Tokens live in MongoDB without a transaction spanning the documents, so after a crash a
 * batch can be handled again. Each project document stores the sequence number of the last event
 * it applied, and an event at or below it is skipped: no event is applied twice.
 */
@Component
@ProcessingGroup(ProjectProjection.PROCESSING_GROUP)
class ProjectProjection {

    static final String PROCESSING_GROUP = "project-projection";

    private static final Logger log = LoggerFactory.getLogger(ProjectProjection.class);

    private final MongoTemplate mongo;

    ProjectProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ProjectCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue("username") String username, @MetaDataValue("trust") String trust) {
        String id = event.projectId().toString();
        if (mongo.findById(id, ProjectView.class) != null) {
            return;
        }
        ProjectView view = new ProjectView(id, event.programmeId(), event.title(), event.summary(),
                event.leadTrust(), event.participatingTrusts(), ProjectStatus.PROPOSED, null, List.of(), at,
                username, trust, at, sequence);
        save(view);
    }

    @EventHandler
    void on(ProjectRenamedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.projectId(), sequence, view -> view.withTitle(event.title(), at, sequence));
    }

    @EventHandler
    void on(ProjectStatusChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.projectId(), sequence, view -> view.withStatus(event.to(), at, sequence));
    }

    @EventHandler
    void on(ProjectRagRatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue("username") String username) {
        ProjectView.Rag rag = new ProjectView.Rag(event.rating(), event.reason(), at, username);
        update(event.projectId(), sequence, view -> view.withRag(rag, at, sequence));
    }

    @EventHandler
    void on(MilestoneAddedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ProjectView.Milestone milestone = new ProjectView.Milestone(event.milestoneId().toString(), event.title(),
                event.dueDate(), null, 0);
        update(event.projectId(), sequence, view -> view.withMilestone(milestone, at, sequence));
    }

    @EventHandler
    void on(MilestoneCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.projectId(), sequence, view -> view.milestones().stream()
                .filter(milestone -> milestone.milestoneId().equals(event.milestoneId().toString()))
                .findFirst()
                .map(milestone -> view.withMilestone(new ProjectView.Milestone(milestone.milestoneId(),
                        milestone.title(), milestone.dueDate(), event.completedOn(), event.daysLate()), at, sequence))
                .orElse(view));
    }

    /** Empties the query models before a replay rebuilds them from the first event. */
    @ResetHandler
    void reset() {
        mongo.dropCollection(ProjectView.class);
        mongo.dropCollection(ProgrammeProjects.class);
        log.info("Project query models dropped for a replay");
    }

    private void update(ProjectId projectId, long sequence, UnaryOperator<ProjectView> change) {
        ProjectView view = mongo.findById(projectId.toString(), ProjectView.class);
        if (view == null) {
            // Events of a project always follow its creation in one processor segment.
            throw new IllegalStateException("Project " + projectId + " has no query model for event " + sequence);
        }
        if (view.version() >= sequence) {
            return;
        }
        save(change.apply(view));
    }

    /**
     * Writes the programme listing first and the project document last, so the project's
     * version only moves on once both are written.
     */
    private void save(ProjectView view) {
        mongo.upsert(Query.query(Criteria.where("_id").is(view.programmeId())),
                new Update().set("projects." + view.id(), view.toSummary()), ProgrammeProjects.class);
        mongo.save(view);
    }
}
