package org.camrin.workforce.initiative.command;

import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.camrin.support.web.InvalidInputException;
import org.camrin.workforce.initiative.api.InitiativeCommands.ChangeInitiativeStatusCommand;
import org.camrin.workforce.initiative.api.InitiativeCommands.ProposeInitiativeCommand;
import org.camrin.workforce.initiative.api.InitiativeCommands.RecordInitiativeEffectCommand;
import org.camrin.workforce.initiative.api.InitiativeEvents.InitiativeEffectRecordedEvent;
import org.camrin.workforce.initiative.api.InitiativeEvents.InitiativeProposedEvent;
import org.camrin.workforce.initiative.api.InitiativeEvents.InitiativeStatusChangedEvent;
import org.camrin.workforce.initiative.api.InitiativeId;
import org.camrin.workforce.initiative.api.InitiativeStatus;
import org.camrin.workforce.initiative.api.StarTheme;
import org.camrin.workforce.record.command.WorkforceRecordRules.DatesOutOfOrderException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InitiativeAggregateTest {

    private static final InitiativeId INITIATIVE = new InitiativeId(UUID.fromString("5b0f4c8e-77aa-4a3e-9d11-0c6a3f0e2b10"));
    private static final LocalDate START = LocalDate.of(2026, 4, 1);
    private static final LocalDate END = LocalDate.of(2027, 9, 30);
    private static final InitiativeProposedEvent PROPOSED = new InitiativeProposedEvent(INITIATIVE,
            "Radiographer apprenticeships", StarTheme.SUPPLY, List.of("diagnostic-radiographers"), List.of("RBL", "REM"),
            6, START, END);

    private FixtureConfiguration<InitiativeAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InitiativeAggregate.class);
    }

    @Test
    void proposeNormalisesGroupsAndTrusts() {
        fixture.givenNoPriorActivity()
                .when(new ProposeInitiativeCommand(INITIATIVE, " Radiographer apprenticeships ", StarTheme.SUPPLY,
                        Set.of("Diagnostic-Radiographers"), Set.of("rem", "RBL"), 6.0, START, END))
                .expectEvents(PROPOSED);
    }

    @Test
    void endBeforeStartRejected() {
        fixture.givenNoPriorActivity()
                .when(new ProposeInitiativeCommand(INITIATIVE, "Backwards", StarTheme.NEW_ROLES,
                        Set.of("sonographers"), Set.of("RBL"), 1.0, END, START))
                .expectException(DatesOutOfOrderException.class)
                .expectExceptionMessage(containsString("before the start"))
                .expectNoEvents();
    }

    @Test
    void unknownStaffGroupRejected() {
        fixture.givenNoPriorActivity()
                .when(new ProposeInitiativeCommand(INITIATIVE, "Porters", StarTheme.NEW_ROLES,
                        Set.of("porters"), Set.of("RBL"), 1.0, START, END))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(containsString("porters"))
                .expectNoEvents();
    }

    @Test
    void completionBeforeActualStartRejected() {
        fixture.given(PROPOSED,
                        new InitiativeStatusChangedEvent(INITIATIVE, InitiativeStatus.PROPOSED, InitiativeStatus.PLANNED, START, ""),
                        new InitiativeStatusChangedEvent(INITIATIVE, InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS,
                                LocalDate.of(2026, 5, 1), ""))
                .when(new ChangeInitiativeStatusCommand(INITIATIVE, InitiativeStatus.COMPLETED, LocalDate.of(2026, 4, 30), null))
                .expectException(DatesOutOfOrderException.class)
                .expectNoEvents();
    }

    @Test
    void skippingPlannedRejected() {
        fixture.given(PROPOSED)
                .when(new ChangeInitiativeStatusCommand(INITIATIVE, InitiativeStatus.IN_PROGRESS, START, null))
                .expectException(InitiativeRuleViolations.IllegalInitiativeStatusTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void effectBeforeStartRejected() {
        fixture.given(PROPOSED)
                .when(new RecordInitiativeEffectCommand(INITIATIVE, 2.0, START))
                .expectException(InitiativeRuleViolations.EffectBeforeStartException.class)
                .expectNoEvents();
    }

    @Test
    void effectKeepsPreviousMeasurement() {
        fixture.given(PROPOSED,
                        new InitiativeStatusChangedEvent(INITIATIVE, InitiativeStatus.PROPOSED, InitiativeStatus.PLANNED, START, ""),
                        new InitiativeStatusChangedEvent(INITIATIVE, InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS, START, ""),
                        new InitiativeEffectRecordedEvent(INITIATIVE, 2.0, LocalDate.of(2026, 10, 1), null))
                .when(new RecordInitiativeEffectCommand(INITIATIVE, 3.5, LocalDate.of(2027, 1, 1)))
                .expectEvents(new InitiativeEffectRecordedEvent(INITIATIVE, 3.5, LocalDate.of(2027, 1, 1), 2.0));
    }
}
