package org.camrin.programme.project.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
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
import org.camrin.programme.project.api.RagRating;
import org.camrin.support.web.InvalidInputException;
import org.camrin.support.web.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectAggregateTest {

    private static final ProjectId PROJECT = new ProjectId(UUID.fromString("6f1c2a4e-8a59-4c55-9d43-1c0f8e0b7a11"));
    private static final MilestoneId MILESTONE = new MilestoneId(UUID.fromString("0e8e5b0e-3f7a-4b1e-9c7e-2a8a1a7c9d01"));
    private static final ProjectCreatedEvent CREATED = new ProjectCreatedEvent(PROJECT, "data",
            "Capacity and demand tool", "Network-wide planning", "REM", List.of("REM", "RBL"));

    private FixtureConfiguration<ProjectAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProjectAggregate.class);
    }

    @Test
    void createListsLeadTrustFirstAmongParticipants() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(PROJECT, "data", "  Capacity and demand tool ", "Network-wide planning",
                        "rem", Set.of("RBL")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CREATED);
    }

    @Test
    void createRejectsUnknownProgramme() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(PROJECT, "cardiology", "Title", null, "REM", Set.of()))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void createRejectsTrustOutsideNetwork() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(PROJECT, "data", "Title", null, "RX1", Set.of()))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("RX1"))
                .expectNoEvents();
    }

    @Test
    void createRejectsUnknownParticipant() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(PROJECT, "data", "Title", null, "REM", Set.of("ZZZ")))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void createRejectsBlankTitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(PROJECT, "data", "   ", null, "REM", Set.of()))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void renameRecordsPreviousTitle() {
        fixture.given(CREATED)
                .when(new RenameProjectCommand(PROJECT, "Planning tool"))
                .expectEvents(new ProjectRenamedEvent(PROJECT, "Planning tool", "Capacity and demand tool"));
    }

    @Test
    void renameToSameTitleChangesNothing() {
        fixture.given(CREATED)
                .when(new RenameProjectCommand(PROJECT, "Capacity and demand tool"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @CsvSource({
            "PROPOSED, APPROVED", "PROPOSED, CLOSED",
            "APPROVED, IN_PROGRESS", "APPROVED, ON_HOLD", "APPROVED, CLOSED",
            "IN_PROGRESS, ON_HOLD", "IN_PROGRESS, COMPLETED", "IN_PROGRESS, CLOSED",
            "ON_HOLD, IN_PROGRESS", "ON_HOLD, CLOSED",
            "COMPLETED, CLOSED"})
    void statusMoveAllowed(ProjectStatus from, ProjectStatus to) {
        fixture.given(historyReaching(from))
                .when(new ChangeProjectStatusCommand(PROJECT, to, "Board decision"))
                .expectEvents(new ProjectStatusChangedEvent(PROJECT, from, to, "Board decision"));
    }

    @ParameterizedTest
    @CsvSource({
            "PROPOSED, IN_PROGRESS", "PROPOSED, COMPLETED", "PROPOSED, PROPOSED",
            "APPROVED, COMPLETED", "IN_PROGRESS, APPROVED", "ON_HOLD, COMPLETED",
            "COMPLETED, IN_PROGRESS", "CLOSED, PROPOSED", "CLOSED, IN_PROGRESS"})
    void statusMoveRejected(ProjectStatus from, ProjectStatus to) {
        fixture.given(historyReaching(from))
                .when(new ChangeProjectStatusCommand(PROJECT, to, null))
                .expectException(ProjectRuleViolations.IllegalStatusTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void ragRatingNeedsReason() {
        fixture.given(CREATED)
                .when(new RateProjectCommand(PROJECT, RagRating.AMBER, " "))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void ragRatingRecorded() {
        fixture.given(CREATED)
                .when(new RateProjectCommand(PROJECT, RagRating.RED, "Supplier delay"))
                .expectEvents(new ProjectRagRatedEvent(PROJECT, RagRating.RED, "Supplier delay"));
    }

    @Test
    void closedProjectRejectsChanges() {
        fixture.given(CREATED, new ProjectStatusChangedEvent(PROJECT, ProjectStatus.PROPOSED, ProjectStatus.CLOSED, null))
                .when(new RenameProjectCommand(PROJECT, "New title"))
                .expectException(ProjectRuleViolations.ProjectClosedException.class)
                .expectNoEvents();
    }

    @Test
    void milestoneCompletedLateRecordsDaysLate() {
        fixture.given(CREATED, new MilestoneAddedEvent(PROJECT, MILESTONE, "Business case", LocalDate.of(2026, 3, 31)))
                .when(new CompleteMilestoneCommand(PROJECT, MILESTONE, LocalDate.of(2026, 4, 10)))
                .expectEvents(new MilestoneCompletedEvent(PROJECT, MILESTONE, LocalDate.of(2026, 4, 10), 10));
    }

    @Test
    void milestoneCompletedEarlyIsNotLate() {
        fixture.given(CREATED, new MilestoneAddedEvent(PROJECT, MILESTONE, "Business case", LocalDate.of(2026, 3, 31)))
                .when(new CompleteMilestoneCommand(PROJECT, MILESTONE, LocalDate.of(2026, 3, 1)))
                .expectEvents(new MilestoneCompletedEvent(PROJECT, MILESTONE, LocalDate.of(2026, 3, 1), 0));
    }

    @Test
    void milestoneCompletedTwiceRejected() {
        fixture.given(CREATED, new MilestoneAddedEvent(PROJECT, MILESTONE, "Business case", LocalDate.of(2026, 3, 31)),
                        new MilestoneCompletedEvent(PROJECT, MILESTONE, LocalDate.of(2026, 3, 1), 0))
                .when(new CompleteMilestoneCommand(PROJECT, MILESTONE, LocalDate.of(2026, 3, 2)))
                .expectException(ProjectRuleViolations.MilestoneAlreadyCompletedException.class)
                .expectNoEvents();
    }

    @Test
    void unknownMilestoneNotFound() {
        fixture.given(CREATED)
                .when(new CompleteMilestoneCommand(PROJECT, MILESTONE, LocalDate.of(2026, 3, 2)))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void milestoneNeedsDueDate() {
        fixture.given(CREATED)
                .when(new AddMilestoneCommand(PROJECT, MILESTONE, "Go live", null))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    /** Events that take a new project along allowed moves to the given status. */
    private static Object[] historyReaching(ProjectStatus target) {
        List<ProjectStatus> path = switch (target) {
            case PROPOSED -> List.of();
            case APPROVED -> List.of(ProjectStatus.APPROVED);
            case IN_PROGRESS -> List.of(ProjectStatus.APPROVED, ProjectStatus.IN_PROGRESS);
            case ON_HOLD -> List.of(ProjectStatus.APPROVED, ProjectStatus.ON_HOLD);
            case COMPLETED -> List.of(ProjectStatus.APPROVED, ProjectStatus.IN_PROGRESS, ProjectStatus.COMPLETED);
            case CLOSED -> List.of(ProjectStatus.CLOSED);
        };
        List<Object> events = new java.util.ArrayList<>();
        events.add(CREATED);
        ProjectStatus current = ProjectStatus.PROPOSED;
        for (ProjectStatus next : path) {
            events.add(new ProjectStatusChangedEvent(PROJECT, current, next, null));
            current = next;
        }
        return events.toArray();
    }
}
