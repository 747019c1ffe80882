package org.camrin.programme.project.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camrin.programme.programme.Programme;
import org.camrin.programme.project.api.MilestoneId;
import org.camrin.programme.project.api.ProjectCommands.AddMilestoneCommand;
import org.camrin.programme.project.api.ProjectCommands.ChangeProjectStatusCommand;
import org.camrin.programme.project.api.ProjectCommands.CompleteMilestoneCommand;
import org.camrin.programme.project.api.ProjectCommands.CreateProjectCommand;
import org.camrin.programme.project.api.ProjectCommands.RateProjectCommand;
import org.camrin.programme.project.api.ProjectCommands.RenameProjectCommand;
import org.camrin.programme.project.api.ProjectId;
import org.camrin.programme.project.query.ProjectQueries;
import org.camrin.programme.project.query.ProjectSummary;
import org.camrin.programme.project.query.ProjectView;
import org.camrin.programme.project.web.ProjectRequests.AddMilestoneRequest;
import org.camrin.programme.project.web.ProjectRequests.ChangeStatusRequest;
import org.camrin.programme.project.web.ProjectRequests.CompleteMilestoneRequest;
import org.camrin.programme.project.web.ProjectRequests.CreateProjectRequest;
import org.camrin.programme.project.web.ProjectRequests.RateProjectRequest;
import org.camrin.programme.project.web.ProjectRequests.RenameProjectRequest;
import org.camrin.support.axon.AggregateHistory;
import org.camrin.support.axon.AggregateHistory.HistoryEntry;
import org.camrin.support.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects of the network's programmes. Everyone signed in reads; programme managers and network
 * admins create and change.
 *
 * <p>A change returns the project as the query model shows it once the change is projected, so a
 * client reads its own write.
 */
@RestController
class ProjectController {

    private static final Logger log = LoggerFactory.getLogger(ProjectController.class);
    private static final String CHANGERS = "hasAnyRole('programme-manager', 'network-admin')";
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final ProjectQueries queries;
    private final AggregateHistory history;
    private final EventStore eventStore;

    ProjectController(CommandGateway commands, ProjectQueries queries, AggregateHistory history, EventStore eventStore) {
        this.commands = commands;
        this.queries = queries;
        this.history = history;
        this.eventStore = eventStore;
    }

    @GetMapping("/api/programmes/{programmeId}/projects")
    List<ProjectSummary> list(@PathVariable String programmeId) {
        Programme programme = Programme.require(programmeId);
        return queries.findProjectsOf(programme.id());
    }

    @PostMapping("/api/programmes/{programmeId}/projects")
    @PreAuthorize(CHANGERS)
    ResponseEntity<ProjectView> create(@PathVariable String programmeId, @Valid @RequestBody CreateProjectRequest request) {
        Programme programme = Programme.require(programmeId);
        ProjectId projectId = ProjectId.newId();

        commands.sendAndWait(new CreateProjectCommand(projectId, programme.id(), request.title(), request.summary(),
                request.leadTrust(), request.participatingTrusts()));
        log.info("Project {} created in programme {}", projectId, programme.id());

        return ResponseEntity.created(URI.create("/api/projects/" + projectId)).body(projected(projectId));
    }

    @GetMapping("/api/projects/{projectId}")
    ProjectView get(@PathVariable UUID projectId) {
        return queries.findProject(projectId.toString())
                .orElseThrow(() -> new NotFoundException("Project " + projectId + " does not exist."));
    }

    @GetMapping("/api/projects/{projectId}/history")
    List<HistoryEntry> history(@PathVariable UUID projectId) {
        return history.of(projectId.toString())
                .orElseThrow(() -> new NotFoundException("Project " + projectId + " does not exist."));
    }

    @PutMapping("/api/projects/{projectId}/title")
    @PreAuthorize(CHANGERS)
    ProjectView rename(@PathVariable UUID projectId, @Valid @RequestBody RenameProjectRequest request) {
        ProjectId id = new ProjectId(projectId);
        commands.sendAndWait(new RenameProjectCommand(id, request.title()));
        return projected(id);
    }

    @PostMapping("/api/projects/{projectId}/status")
    @PreAuthorize(CHANGERS)
    ProjectView changeStatus(@PathVariable UUID projectId, @Valid @RequestBody ChangeStatusRequest request) {
        ProjectId id = new ProjectId(projectId);
        commands.sendAndWait(new ChangeProjectStatusCommand(id, request.status(), request.reason()));
        return projected(id);
    }

    @PutMapping("/api/projects/{projectId}/rag")
    @PreAuthorize(CHANGERS)
    ProjectView rate(@PathVariable UUID projectId, @Valid @RequestBody RateProjectRequest request) {
        ProjectId id = new ProjectId(projectId);
        commands.sendAndWait(new RateProjectCommand(id, request.rating(), request.reason()));
        return projected(id);
    }

    @PostMapping("/api/projects/{projectId}/milestones")
    @PreAuthorize(CHANGERS)
    ResponseEntity<ProjectView> addMilestone(@PathVariable UUID projectId, @Valid @RequestBody AddMilestoneRequest request) {
        ProjectId id = new ProjectId(projectId);
        MilestoneId milestoneId = MilestoneId.newId();
        commands.sendAndWait(new AddMilestoneCommand(id, milestoneId, request.title(), request.dueDate()));
        return ResponseEntity.created(URI.create("/api/projects/" + id + "/milestones/" + milestoneId))
                .header("X-Milestone-Id", milestoneId.toString())
                .body(projected(id));
    }

    @PostMapping("/api/projects/{projectId}/milestones/{milestoneId}/completion")
    @PreAuthorize(CHANGERS)
    ProjectView completeMilestone(@PathVariable UUID projectId, @PathVariable UUID milestoneId,
            @Valid @RequestBody CompleteMilestoneRequest request) {
        ProjectId id = new ProjectId(projectId);
        commands.sendAndWait(new CompleteMilestoneCommand(id, new MilestoneId(milestoneId), request.completedOn()));
        return projected(id);
    }

    /**
     * Waits until the query model has caught up with the project's last stored event, then
     * returns it. The projection normally follows within milliseconds.
     */
    private ProjectView projected(ProjectId projectId) {
        long stored = eventStore.lastSequenceNumberFor(projectId.toString()).orElse(-1L);
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (queries.versionOf(projectId.toString()) < stored && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return queries.findProject(projectId.toString())
                .orElseThrow(() -> new NotFoundException("Project " + projectId
                        + " is stored but not yet readable. Read it again in a moment."));
    }

}
