package org.camrin.workforce.plan.command;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.camrin.support.web.NotFoundException;
import org.camrin.workforce.plan.api.ActionStatus;
import org.camrin.workforce.plan.api.PlanCommands.AddPlanActionCommand;
import org.camrin.workforce.plan.api.PlanCommands.ChangePlanActionStatusCommand;
import org.camrin.workforce.plan.api.PlanEvents.PlanActionAddedEvent;
import org.camrin.workforce.plan.api.PlanEvents.PlanActionStatusChangedEvent;
import org.camrin.workforce.record.command.WorkforceRecordRules.DatesOutOfOrderException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanAggregateTest {

    private static final String ICS = "E54000008";
    private static final UUID ACTION = UUID.fromString("9d7c9b59-1d7e-4c52-8f0f-6d1fb0a8a001");
    private static final PlanActionAddedEvent ADDED = new PlanActionAddedEvent(ICS, ACTION, "Agree apprenticeship places",
            "Workforce lead, RBL", LocalDate.of(2026, 9, 30), null);

    private FixtureConfiguration<PlanAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlanAggregate.class);
    }

    @Test
    void firstActionCreatesPlan() {
        fixture.givenNoPriorActivity()
                .when(new AddPlanActionCommand("e54000008", ACTION, "Agree apprenticeship places", "Workforce lead, RBL",
                        LocalDate.of(2026, 9, 30), null))
                .expectEvents(ADDED);
    }

    @Test
    void unknownSystemNotFound() {
        fixture.givenNoPriorActivity()
                .when(new AddPlanActionCommand("E54000007", ACTION, "Title", "Owner", LocalDate.of(2026, 9, 30), null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void dueDateBeforeProgrammeRejected() {
        fixture.givenNoPriorActivity()
                .when(new AddPlanActionCommand(ICS, ACTION, "Title", "Owner", LocalDate.of(2015, 12, 31), null))
                .expectException(DatesOutOfOrderException.class)
                .expectNoEvents();
    }

    @Test
    void completedActionCannotRestart() {
        fixture.given(ADDED,
                        new PlanActionStatusChangedEvent(ICS, ACTION, ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ""),
                        new PlanActionStatusChangedEvent(ICS, ACTION, ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED, ""))
                .when(new ChangePlanActionStatusCommand(ICS, ACTION, ActionStatus.IN_PROGRESS, null))
                .expectException(PlanAggregate.IllegalActionStatusTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void statusMoveRecorded() {
        fixture.given(ADDED)
                .when(new ChangePlanActionStatusCommand(ICS, ACTION, ActionStatus.IN_PROGRESS, " Started "))
                .expectEvents(new PlanActionStatusChangedEvent(ICS, ACTION, ActionStatus.NOT_STARTED,
                        ActionStatus.IN_PROGRESS, "Started"));
    }
}
