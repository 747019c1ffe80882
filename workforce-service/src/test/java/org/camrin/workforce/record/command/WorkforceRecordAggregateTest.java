package org.camrin.workforce.record.command;

import static org.hamcrest.Matchers.containsString;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.camrin.support.web.InvalidInputException;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.camrin.workforce.record.api.Leavers;
import org.camrin.workforce.record.api.MonthlyFigures;
import org.camrin.workforce.record.api.StaffGroup;
import org.camrin.workforce.record.api.WorkforceRecordCommands.CorrectMonthlyReturnCommand;
import org.camrin.workforce.record.api.WorkforceRecordCommands.ImportMonthlyReturnsCommand;
import org.camrin.workforce.record.api.WorkforceRecordCommands.ImportedMonth;
import org.camrin.workforce.record.api.WorkforceRecordCommands.RecordMonthlyReturnCommand;
import org.camrin.workforce.record.api.WorkforceRecordEvents.MonthlyReturnCorrectedEvent;
import org.camrin.workforce.record.api.WorkforceRecordEvents.MonthlyReturnRecordedEvent;
import org.camrin.workforce.record.api.WorkforceRecordId;
import org.camrin.workforce.record.command.WorkforceRecordRules.DatesOutOfOrderException;
import org.camrin.workforce.record.command.WorkforceRecordRules.LeaversExceedStaffInPostException;
import org.camrin.workforce.record.command.WorkforceRecordRules.NegativeWteException;
import org.camrin.workforce.record.command.WorkforceRecordRules.NoReturnToCorrectException;
import org.camrin.workforce.record.command.WorkforceRecordRules.ReturnAlreadyRecordedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkforceRecordAggregateTest {

    private static final WorkforceRecordId RECORD = new WorkforceRecordId("RBL", StaffGroup.DIAGNOSTIC_RADIOGRAPHERS);
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    /** Mid-March 2026, so March is the latest month a return may cover. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T12:00:00Z"), ZoneOffset.UTC);

    private static final MonthlyFigures JANUARY_FIGURES = new MonthlyFigures(50, 44.5, 48, 5.5, 2, 1, 1,
            new Leavers(1, 0, 0, 0), 3);
    private static final MonthlyReturnRecordedEvent JANUARY_RECORDED = new MonthlyReturnRecordedEvent(RECORD, "RBL",
            StaffGroup.DIAGNOSTIC_RADIOGRAPHERS, JANUARY, JANUARY_FIGURES, null);

    private FixtureConfiguration<WorkforceRecordAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkforceRecordAggregate.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void firstReturnCreatesRecordWithDerivedVacancies() {
        MonthlyFigures sent = new MonthlyFigures(50, 44.5, 48, null, 2, 1, 1, new Leavers(1, 0, 0, 0), 3);

        fixture.givenNoPriorActivity()
                .when(new RecordMonthlyReturnCommand(RECORD, JANUARY, sent))
                .expectSuccessfulHandlerExecution()
                .expectEvents(JANUARY_RECORDED);
    }

    @Test
    void vacanciesNeverDerivedBelowZero() {
        MonthlyFigures sent = new MonthlyFigures(10, 12, 12, null, 0, 0, 0, null, 0);

        fixture.givenNoPriorActivity()
                .when(new RecordMonthlyReturnCommand(RECORD, JANUARY, sent))
                .expectEvents(new MonthlyReturnRecordedEvent(RECORD, "RBL", StaffGroup.DIAGNOSTIC_RADIOGRAPHERS,
                        JANUARY, new MonthlyFigures(10, 12, 12, 0.0, 0, 0, 0, Leavers.NONE, 0), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"establishmentWte", "staffInPostWte", "vacancyWte", "bankWte", "agencyWte"})
    void negativeWteRejected(String field) {
        fixture.givenNoPriorActivity()
                .when(new RecordMonthlyReturnCommand(RECORD, JANUARY, withNegative(field)))
                .expectException(NegativeWteException.class)
                .expectException(fieldIs(field))
                .expectNoEvents();
    }

    @Test
    void negativeLeaversRejected() {
        MonthlyFigures figures = new MonthlyFigures(50, 44, 48, null, 0, 0, 0, new Leavers(0, -1, 0, 0), 0);

        fixture.givenNoPriorActivity()
                .when(new RecordMonthlyReturnCommand(RECORD, JANUARY, figures))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(containsString("-1"))
                .expectNoEvents();
    }

    @Test
    void vacanciesAboveEstablishmentRejected() {
        MonthlyFigures figures = new MonthlyFigures(10, 8, 8, 11.0, 0, 0, 0, null, 0);

        fixture.givenNoPriorActivity()
                .when(new RecordMonthlyReturnCommand(RECORD, JANUARY, figures))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(containsString("establishment"))
                .expectNoEvents();
    }

    @Test
    void futureMonthRejected() {
        fixture.givenNoPriorActivity()
                .when(new RecordMonthlyReturnCommand(RECORD, YearMonth.of(2026, 4), JANUARY_FIGURES))
                .expectException(DatesOutOfOrderException.class)
                .expectExceptionMessage(containsString("2026-03"))
                .expectNoEvents();
    }

    @Test
    void monthBeforeSharedSystemsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RecordMonthlyReturnCommand(RECORD, YearMonth.of(2011, 12), JANUARY_FIGURES))
                .expectException(DatesOutOfOrderException.class)
                .expectNoEvents();
    }

    @Test
    void leaversAbovePreviousStaffInPostRejected() {
        // January ended with 48 in post; February has 2 joiners, so at most 50 can leave.
        MonthlyFigures february = new MonthlyFigures(50, 0, 0, null, 0, 0, 2, new Leavers(40, 5, 5, 1), 0);

        fixture.given(JANUARY_RECORDED)
                .when(new RecordMonthlyReturnCommand(RECORD, FEBRUARY, february))
                .expectException(LeaversExceedStaffInPostException.class)
                .expectExceptionMessage(containsString("51 leavers"))
                .expectNoEvents();
    }

    @Test
    void leaversEqualToAvailableStaffAccepted() {
        MonthlyFigures february = new MonthlyFigures(50, 0, 0, null, 0, 0, 2, new Leavers(40, 5, 5, 0), 0);

        fixture.given(JANUARY_RECORDED)
                .when(new RecordMonthlyReturnCommand(RECORD, FEBRUARY, february))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void correctionThatStrandsLaterLeaversRejected() {
        MonthlyFigures february = new MonthlyFigures(50, 40, 44, null, 0, 0, 0, new Leavers(4, 0, 0, 0), 0);
        MonthlyFigures januaryTooSmall = new MonthlyFigures(50, 2, 2, null, 0, 0, 0, null, 0);

        fixture.given(JANUARY_RECORDED, new MonthlyReturnRecordedEvent(RECORD, "RBL",
                        StaffGroup.DIAGNOSTIC_RADIOGRAPHERS, FEBRUARY, february.withDerivedVacancies(), null))
                .when(new CorrectMonthlyReturnCommand(RECORD, JANUARY, januaryTooSmall, "Headcount restated"))
                .expectException(LeaversExceedStaffInPostException.class)
                .expectNoEvents();
    }

    @Test
    void secondReturnForMonthRejected() {
        fixture.given(JANUARY_RECORDED)
                .when(new RecordMonthlyReturnCommand(RECORD, JANUARY, JANUARY_FIGURES))
                .expectException(ReturnAlreadyRecordedException.class)
                .expectNoEvents();
    }

    @Test
    void correctionKeepsPreviousFigures() {
        MonthlyFigures corrected = new MonthlyFigures(52, 44.5, 48, null, 2, 1, 1, new Leavers(1, 0, 0, 0), 3);

        fixture.given(JANUARY_RECORDED)
                .when(new CorrectMonthlyReturnCommand(RECORD, JANUARY, corrected, " Budget restated "))
                .expectEvents(new MonthlyReturnCorrectedEvent(RECORD, "RBL", StaffGroup.DIAGNOSTIC_RADIOGRAPHERS,
                        JANUARY, corrected.withDerivedVacancies(), JANUARY_FIGURES, "Budget restated", null));
    }

    @Test
    void correctionNeedsReason() {
        fixture.given(JANUARY_RECORDED)
                .when(new CorrectMonthlyReturnCommand(RECORD, JANUARY, JANUARY_FIGURES, "  "))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void correctionOfMissingMonthRejected() {
        fixture.given(JANUARY_RECORDED)
                .when(new CorrectMonthlyReturnCommand(RECORD, FEBRUARY, JANUARY_FIGURES, "Typo"))
                .expectException(NoReturnToCorrectException.class)
                .expectNoEvents();
    }

    @Test
    void unchangedCorrectionStoresNothing() {
        fixture.given(JANUARY_RECORDED)
                .when(new CorrectMonthlyReturnCommand(RECORD, JANUARY, JANUARY_FIGURES, "Resubmitted"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void trustOutsideNetworkRejected() {
        WorkforceRecordId outside = new WorkforceRecordId("RX1", StaffGroup.SONOGRAPHERS);

        fixture.givenNoPriorActivity()
                .when(new RecordMonthlyReturnCommand(outside, JANUARY, JANUARY_FIGURES))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(containsString("RX1"))
                .expectNoEvents();
    }

    @Test
    void importRecordsNewCorrectsChangedSkipsSame() {
        MonthlyFigures january = new MonthlyFigures(51, 44.5, 48, 5.5, 2, 1, 1, new Leavers(1, 0, 0, 0), 3);
        MonthlyFigures february = new MonthlyFigures(51, 45, 49, 6.0, 1, 1, 2, new Leavers(0, 1, 0, 0), 3);

        fixture.given(JANUARY_RECORDED)
                .when(new ImportMonthlyReturnsCommand(RECORD, "import-1",
                        List.of(new ImportedMonth(JANUARY, january), new ImportedMonth(FEBRUARY, february))))
                .expectEvents(
                        new MonthlyReturnCorrectedEvent(RECORD, "RBL", StaffGroup.DIAGNOSTIC_RADIOGRAPHERS, JANUARY,
                                january, JANUARY_FIGURES, WorkforceRecordAggregate.IMPORT_CORRECTION_REASON, "import-1"),
                        new MonthlyReturnRecordedEvent(RECORD, "RBL", StaffGroup.DIAGNOSTIC_RADIOGRAPHERS, FEBRUARY,
                                february, "import-1"));
    }

    @Test
    void importWithOneBadMonthStoresNothing() {
        MonthlyFigures february = new MonthlyFigures(51, 45, 49, 6.0, 1, 1, 2, null, 3);
        MonthlyFigures marchNegative = new MonthlyFigures(51, -45, 49, null, 1, 1, 2, null, 3);

        fixture.given(JANUARY_RECORDED)
                .when(new ImportMonthlyReturnsCommand(RECORD, "import-2",
                        List.of(new ImportedMonth(FEBRUARY, february), new ImportedMonth(YearMonth.of(2026, 3), marchNegative))))
                .expectException(NegativeWteException.class)
                .expectNoEvents();
    }

    private static Matcher<InvalidInputException> fieldIs(String field) {
        return new CustomTypeSafeMatcher<>("an input error on field " + field) {
            @Override
            protected boolean matchesSafely(InvalidInputException error) {
                return field.equals(error.field());
            }
        };
    }

    private static MonthlyFigures withNegative(String field) {
        return new MonthlyFigures(
                field.equals("establishmentWte") ? -1 : 50,
                field.equals("staffInPostWte") ? -0.5 : 44,
                48,
                field.equals("vacancyWte") ? -2.0 : null,
                field.equals("bankWte") ? -1 : 0,
                field.equals("agencyWte") ? -3 : 0,
                0, null, 0);
    }
}
