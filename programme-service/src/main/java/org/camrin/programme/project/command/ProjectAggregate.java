package org.camrin.programme.project.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.camrin.programme.programme.Programme;
import org.camrin.programme.project.api.MilestoneId;
import org.camrin.programme.project.api.ProjectCommands.AddMilestoneCommand;
import org.camrin.programme.project.api.ProjectCommands.ChangeProjectStatusCommand;
import org.camrin.programme.project.api.ProjectCommands.CompleteMilestoneCommand;
import org.camrin.programme.project.api.ProjectCommands.CreateProjectCommand;
import org.camrin.programme.project.api.ProjectCommands.RateProjectCommand;
import org.camrin.programme.project.api.ProjectCommands.RenameProjectCommand;
import org.camrin.programme.project.api.ProjectEvents.MilestoneAddedEvent;
import org.camrin.programme.project.api.ProjectEvents.MilestoneCompletedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectCreatedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectRagRatedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectRenamedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectStatusChangedEvent;
import org.camrin.programme.project.api.ProjectId;
import org.camrin.programme.project.api.ProjectStatus;
import org.camrin.programme.project.command.ProjectRuleViolations.DuplicateMilestoneException;
import org.camrin.programme.project.command.ProjectRuleViolations.IllegalStatusTransitionException;
import org.camrin.programme.project.command.ProjectRuleViolations.MilestoneAlreadyCompletedException;
import org.camrin.programme.project.command.ProjectRuleViolations.ProjectClosedException;
import org.camrin.support.network.NetworkTrust;
import org.camrin.support.web.InvalidInputException;
import org.camrin.support.web.TextFields;
import org.camrin.support.web.NotFoundException;

/**
 * A project inside one of the network's programmes: its title, lead and participating trusts,
 * status lifecycle, RAG rating and milestones.
 */
@Aggregate
class ProjectAggregate {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 4000;

    @AggregateIdentifier
    private ProjectId projectId;
    private String title;
    private ProjectStatus status;
    private final Map<MilestoneId, LocalDate> milestoneDueDates = new HashMap<>();
    private final Set<MilestoneId> completedMilestones = new LinkedHashSet<>();

    @CommandHandler
    ProjectAggregate(CreateProjectCommand command) {
        Programme.require(command.programmeId());
        String title = TextFields.required("title", command.title(), MAX_TITLE_LENGTH);
        String summary = TextFields.optional("summary", command.summary(), MAX_TEXT_LENGTH);
        String leadTrust = requireTrust("leadTrust", command.leadTrust());

        // The lead trust always takes part, so it is listed first among the participants.
        List<String> participants = new ArrayList<>();
        participants.add(leadTrust);
        if (command.participatingTrusts() != null) {
            for (String trust : command.participatingTrusts()) {
                String code = requireTrust("participatingTrusts", trust);
                if (!participants.contains(code)) {
                    participants.add(code);
                }
            }
        }

        apply(new ProjectCreatedEvent(command.projectId(), command.programmeId(), title, summary, leadTrust,
                List.copyOf(participants)));
    }

    @CommandHandler
    void handle(RenameProjectCommand command) {
        requireOpen();
        String newTitle = TextFields.required("title", command.title(), MAX_TITLE_LENGTH);

        if (!newTitle.equals(title)) {
            apply(new ProjectRenamedEvent(projectId, newTitle, title));
        }
    }

    @CommandHandler
    void handle(ChangeProjectStatusCommand command) {
        if (command.status() == null) {
            throw new InvalidInputException("status", "Send the new status, one of "
                    + List.of(ProjectStatus.values()) + ".");
        }
        if (!status.canMoveTo(command.status())) {
            throw new IllegalStatusTransitionException(status, command.status(), status.allowedNext());
        }
        String reason = TextFields.optional("reason", command.reason(), MAX_TEXT_LENGTH);

        apply(new ProjectStatusChangedEvent(projectId, status, command.status(), reason));
    }

    @CommandHandler
    void handle(RateProjectCommand command) {
        requireOpen();
        if (command.rating() == null) {
            throw new InvalidInputException("rating", "Send a rating: RED, AMBER or GREEN.");
        }
        String reason = TextFields.required("reason", command.reason(), MAX_TEXT_LENGTH);

        apply(new ProjectRagRatedEvent(projectId, command.rating(), reason));
    }

    @CommandHandler
    void handle(AddMilestoneCommand command) {
        requireOpen();
        if (milestoneDueDates.containsKey(command.milestoneId())) {
            throw new DuplicateMilestoneException(command.milestoneId());
        }
        String milestoneTitle = TextFields.required("title", command.title(), MAX_TITLE_LENGTH);
        if (command.dueDate() == null) {
            throw new InvalidInputException("dueDate", "Send the due date as YYYY-MM-DD.");
        }

        apply(new MilestoneAddedEvent(projectId, command.milestoneId(), milestoneTitle, command.dueDate()));
    }

    @CommandHandler
    void handle(CompleteMilestoneCommand command) {
        requireOpen();
        LocalDate dueDate = milestoneDueDates.get(command.milestoneId());
        if (dueDate == null) {
            throw new NotFoundException("Milestone " + command.milestoneId() + " does not exist in project "
                    + projectId + ".");
        }
        if (completedMilestones.contains(command.milestoneId())) {
            throw new MilestoneAlreadyCompletedException(command.milestoneId());
        }
        if (command.completedOn() == null) {
            throw new InvalidInputException("completedOn", "Send the completion date as YYYY-MM-DD.");
        }
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(dueDate, command.completedOn()));

        apply(new MilestoneCompletedEvent(projectId, command.milestoneId(), command.completedOn(), daysLate));
    }

    private void requireOpen() {
        if (status == ProjectStatus.CLOSED) {
            throw new ProjectClosedException();
        }
    }

    private static String requireTrust(String field, String odsCode) {
        return NetworkTrust.fromOdsCode(odsCode)
                .map(NetworkTrust::odsCode)
                .orElseThrow(() -> new InvalidInputException(field, "'" + odsCode
                        + "' is not the ODS code of a network trust. Use one of " + NetworkTrust.odsCodes() + "."));
    }

    @EventSourcingHandler
    void on(ProjectCreatedEvent event) {
        projectId = event.projectId();
        title = event.title();
        status = ProjectStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(ProjectRenamedEvent event) {
        title = event.title();
    }

    @EventSourcingHandler
    void on(ProjectStatusChangedEvent event) {
        status = event.to();
    }

    @EventSourcingHandler
    void on(MilestoneAddedEvent event) {
        milestoneDueDates.put(event.milestoneId(), event.dueDate());
    }

    @EventSourcingHandler
    void on(MilestoneCompletedEvent event) {
        completedMilestones.add(event.milestoneId());
    }

    /** Axon rebuilds the aggregate from its events through this constructor. */
    ProjectAggregate() {
    }
}
