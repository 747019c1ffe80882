package org.camrin.programme.project.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
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
 * it applied, and an event at or below it is skipped: no event is applied twice. Changes are
 * written once per batch, when the processor commits it, before its token moves on.
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
        if (find(id) != null) {
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
        ProjectView view = find(projectId.toString());
        if (view == null) {
            // Events of a project always follow its creation in one processor segment.
            throw new IllegalStateException("Project " + projectId + " has no query model for event " + sequence);
        }
        if (view.version() >= sequence) {
            return;
        }
        save(change.apply(view));
    }

    /** Reads a project from the batch in hand first, so a batch reads its own unwritten changes. */
    private ProjectView find(String projectId) {
        PendingWrites pending = pendingWrites();
        if (pending != null && pending.projects.containsKey(projectId)) {
            return pending.projects.get(projectId);
        }
        return mongo.findById(projectId, ProjectView.class);
    }

    /**
     * Queues the change until the processor's batch commits, or writes it at once outside a
     * batch. During a replay a project's ten events then cost one write, not ten.
     */
    private void save(ProjectView view) {
        PendingWrites pending = pendingWrites();
        if (pending == null) {
            write(Map.of(view.id(), view));
        } else {
            pending.projects.put(view.id(), view);
        }
    }

    private PendingWrites pendingWrites() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PendingWrites.class.getName(), key -> {
            PendingWrites pending = new PendingWrites();
            unitOfWork.onPrepareCommit(committing -> write(pending.projects));
            return pending;
        });
    }

    /**
     * Writes the programme listings first and the project documents last, so a project's version
     * only moves on once its listing entry is written. Each kind of document goes in one bulk write.
     */
    private void write(Map<String, ProjectView> views) {
        if (views.isEmpty()) {
            return;
        }
        Map<String, Update> listingUpdates = new LinkedHashMap<>();
        for (ProjectView view : views.values()) {
            String bucket = ProgrammeProjects.bucketId(view.programmeId(), view.id());
            listingUpdates.computeIfAbsent(bucket, id -> new Update().set("programmeId", view.programmeId()))
                    .set("projects." + view.id(), view.toSummary());
        }
        BulkOperations listings = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ProgrammeProjects.class);
        listingUpdates.forEach((bucket, update) -> listings.upsert(Query.query(Criteria.where("_id").is(bucket)), update));
        listings.execute();

        BulkOperations projects = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ProjectView.class);
        views.values().forEach(view -> projects.replaceOne(Query.query(Criteria.where("_id").is(view.id())), view,
                FindAndReplaceOptions.options().upsert()));
        projects.execute();
    }

    /** Project documents changed by the batch in hand, in the order they were changed. */
    private static final class PendingWrites {
        private final Map<String, ProjectView> projects = new LinkedHashMap<>();
    }
}
