package org.camrin.pathway.patient.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.camrin.pathway.definition.api.PathwayStep;
import org.camrin.pathway.patient.api.PatientCommands.CancelPatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.ErasePatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.PausePatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.RecordStepCompletionCommand;
import org.camrin.pathway.patient.api.PatientCommands.RecordTargetBreachCommand;
import org.camrin.pathway.patient.api.PatientCommands.ResumePatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.StartPatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayCancelledEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayErasedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayPausedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayResumedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayStartedEvent;
import org.camrin.pathway.patient.api.PatientEvents.StepCompletedEvent;
import org.camrin.pathway.patient.api.PatientEvents.StepTargetMeasuredEvent;
import org.camrin.pathway.patient.api.PatientEvents.TargetBreachedEvent;
import org.camrin.support.web.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class PatientPathwayAggregateTest {

    private static final String ID = "5b0d3c1e-2f4a-4c8e-9a71-0d6e2b9f4a10";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(40));
    private static final List<PathwayStep> STEPS = List.of(
            new PathwayStep("ct-performed", "CT performed", Duration.ofHours(72), null),
            new PathwayStep("ct-reported", "CT reported", Duration.ofHours(24), "ct-performed"),
            new PathwayStep("diagnosis", "Diagnosis communicated", Duration.ofDays(28), null));
    private static final PatientPathwayStartedEvent STARTED = new PatientPathwayStartedEvent(ID, "REM", "LUNG", 1,
            "key-1", "sealed", STEPS, T0, Map.of("ct-performed", hours(72), "diagnosis", T0.plus(Duration.ofDays(28))));

    private FixtureConfiguration<PatientPathwayAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PatientPathwayAggregate.class);
    }

    private static Instant hours(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private static RecordStepCompletionCommand complete(String step, Instant at) {
        return new RecordStepCompletionCommand(ID, step, at, "REM", NOW);
    }

    @Test
    void startSetsDueTimesFromStart() {
        fixture.givenNoPriorActivity()
                .when(new StartPatientPathwayCommand(ID, "key-1", "sealed", "REM", "LUNG", 1, STEPS, T0, NOW))
                .expectEvents(STARTED);
    }

    @Test
    void startInFutureRejected() {
        fixture.givenNoPriorActivity()
                .when(new StartPatientPathwayCommand(ID, "key-1", "sealed", "REM", "LUNG", 1, STEPS,
                        NOW.plus(Duration.ofHours(1)), NOW))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void startBefore2000Rejected() {
        fixture.givenNoPriorActivity()
                .when(new StartPatientPathwayCommand(ID, "key-1", "sealed", "REM", "LUNG", 1, STEPS,
                        Instant.parse("-999999999-01-01T00:00:00Z"), NOW))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("2000-01-01"))
                .expectNoEvents();
    }

    @Test
    void completionBefore2000Rejected() {
        fixture.given(STARTED)
                .when(complete("ct-performed", Instant.parse("1999-12-31T23:59:59Z")))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("2000-01-01"))
                .expectNoEvents();
    }

    @Test
    void completionFarInFutureRejected() {
        fixture.given(STARTED)
                .when(complete("ct-performed", Instant.MAX))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void stepWithinTargetSchedulesDependent() {
        fixture.given(STARTED)
                .when(complete("ct-performed", hours(48)))
                .expectEvents(new StepCompletedEvent(ID, "REM", "LUNG", 1, "ct-performed", hours(48), hours(72),
                        Duration.ofHours(48), true, Duration.ZERO, false, Map.of("ct-reported", hours(72))));
    }

    @Test
    void lateSubmissionRecordsBreachFirst() {
        fixture.given(STARTED)
                .when(complete("ct-performed", hours(80)))
                .expectEvents(new TargetBreachedEvent(ID, "REM", "LUNG", 1, "ct-performed", hours(72), NOW),
                        new StepCompletedEvent(ID, "REM", "LUNG", 1, "ct-performed", hours(80), hours(72),
                                Duration.ofHours(80), false, Duration.ofHours(8), true,
                                Map.of("ct-reported", hours(104))));
    }

    @Test
    void completionAfterBreachRecordsLateness() {
        fixture.given(STARTED, new TargetBreachedEvent(ID, "REM", "LUNG", 1, "ct-performed", hours(72), hours(73)))
                .when(complete("ct-performed", hours(90)))
                .expectEvents(new StepCompletedEvent(ID, "REM", "LUNG", 1, "ct-performed", hours(90), hours(72),
                        Duration.ofHours(90), false, Duration.ofHours(18), true, Map.of("ct-reported", hours(114))));
    }

    @Test
    void duplicateWithSameTimeIgnored() {
        fixture.given(STARTED, new StepCompletedEvent(ID, "REM", "LUNG", 1, "ct-performed", hours(48), hours(72),
                        Duration.ofHours(48), true, Duration.ZERO, false, Map.of("ct-reported", hours(72))))
                .when(complete("ct-performed", hours(48)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void duplicateWithOtherTimeRejected() {
        fixture.given(STARTED, new StepCompletedEvent(ID, "REM", "LUNG", 1, "ct-performed", hours(48), hours(72),
                        Duration.ofHours(48), true, Duration.ZERO, false, Map.of("ct-reported", hours(72))))
                .when(complete("ct-performed", hours(50)))
                .expectException(PatientRuleViolations.StepAlreadyRecordedException.class)
                .expectNoEvents();
    }

    @Test
    void stepBeforeItsAnchorHasNoTimingYet() {
        fixture.given(STARTED)
                .when(complete("ct-reported", hours(60)))
                .expectEvents(new StepCompletedEvent(ID, "REM", "LUNG", 1, "ct-reported", hours(60), null, null, null,
                        null, false, Map.of()));
    }

    @Test
    void anchorArrivingLateMeasuresEarlierStep() {
        fixture.given(STARTED, new StepCompletedEvent(ID, "REM", "LUNG", 1, "ct-reported", hours(60), null, null, null,
                        null, false, Map.of()))
                .when(complete("ct-performed", hours(50)))
                .expectEvents(new StepCompletedEvent(ID, "REM", "LUNG", 1, "ct-performed", hours(50), hours(72),
                                Duration.ofHours(50), true, Duration.ZERO, false, Map.of()),
                        new StepTargetMeasuredEvent(ID, "REM", "LUNG", 1, "ct-reported", hours(60), hours(74),
                                Duration.ofHours(10), true, Duration.ZERO));
    }

    @Test
    void anchorArrivingLateFindsBreach() {
        fixture.given(STARTED, new StepCompletedEvent(ID, "REM", "LUNG", 1, "ct-reported", hours(100), null, null,
                        null, null, false, Map.of()))
                .when(complete("ct-performed", hours(50)))
                .expectEvents(new StepCompletedEvent(ID, "REM", "LUNG", 1, "ct-performed", hours(50), hours(72),
                                Duration.ofHours(50), true, Duration.ZERO, false, Map.of()),
                        new TargetBreachedEvent(ID, "REM", "LUNG", 1, "ct-reported", hours(74), NOW),
                        new StepTargetMeasuredEvent(ID, "REM", "LUNG", 1, "ct-reported", hours(100), hours(74),
                                Duration.ofHours(50), false, Duration.ofHours(26)));
    }

    @Test
    void completionBeforeStartRejected() {
        fixture.given(STARTED)
                .when(complete("ct-performed", T0.minusSeconds(1)))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void completionInFutureRejected() {
        fixture.given(STARTED)
                .when(complete("ct-performed", NOW.plus(Duration.ofHours(1))))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void otherTrustRejected() {
        fixture.given(STARTED)
                .when(new RecordStepCompletionCommand(ID, "ct-performed", hours(10), "RBL", NOW))
                .expectException(AccessDeniedException.class)
                .expectNoEvents();
    }

    @Test
    void unknownStepRejected() {
        fixture.given(STARTED)
                .when(complete("mri-performed", hours(10)))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ct-performed"))
                .expectNoEvents();
    }

    @Test
    void breachRecordedOncePassed() {
        fixture.given(STARTED)
                .when(new RecordTargetBreachCommand(ID, "ct-performed", hours(73)))
                .expectEvents(new TargetBreachedEvent(ID, "REM", "LUNG", 1, "ct-performed", hours(72), hours(73)));
    }

    @Test
    void breachBeforeDueIgnored() {
        fixture.given(STARTED)
                .when(new RecordTargetBreachCommand(ID, "ct-performed", hours(71)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void breachOfCompletedStepIgnored() {
        fixture.given(STARTED, new StepCompletedEvent(ID, "REM", "LUNG", 1, "ct-performed", hours(48), hours(72),
                        Duration.ofHours(48), true, Duration.ZERO, false, Map.of("ct-reported", hours(72))))
                .when(new RecordTargetBreachCommand(ID, "ct-performed", hours(73)))
                .expectNoEvents();
    }

    @Test
    void breachRepeatedIgnored() {
        fixture.given(STARTED, new TargetBreachedEvent(ID, "REM", "LUNG", 1, "ct-performed", hours(72), hours(73)))
                .when(new RecordTargetBreachCommand(ID, "ct-performed", hours(74)))
                .expectNoEvents();
    }

    @Test
    void breachWhilePausedIgnored() {
        fixture.given(STARTED, new PatientPathwayPausedEvent(ID, "REM", "LUNG", 1, hours(10), "Patient choice"))
                .when(new RecordTargetBreachCommand(ID, "ct-performed", hours(73)))
                .expectNoEvents();
    }

    @Test
    void breachOfUnscheduledDependentIgnored() {
        fixture.given(STARTED)
                .when(new RecordTargetBreachCommand(ID, "ct-reported", hours(500)))
                .expectNoEvents();
    }

    @Test
    void resumeMovesOpenDueTimes() {
        fixture.given(STARTED, new PatientPathwayPausedEvent(ID, "REM", "LUNG", 1, hours(10), "Patient choice"))
                .when(new ResumePatientPathwayCommand(ID, "Patient available", "REM", hours(34)))
                .expectEvents(new PatientPathwayResumedEvent(ID, "REM", "LUNG", 1, hours(34), Duration.ofHours(24),
                        "Patient available", Map.of("ct-performed", hours(96),
                                "diagnosis", T0.plus(Duration.ofDays(28)).plus(Duration.ofHours(24)))));
    }

    @Test
    void resumeWhenActiveRejected() {
        fixture.given(STARTED)
                .when(new ResumePatientPathwayCommand(ID, "Patient available", "REM", hours(34)))
                .expectException(PatientRuleViolations.PathwayNotPausedException.class)
                .expectNoEvents();
    }

    @Test
    void pauseNeedsReason() {
        fixture.given(STARTED)
                .when(new PausePatientPathwayCommand(ID, " ", "REM", hours(10)))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void reasonWithNhsNumberRejected() {
        fixture.given(STARTED)
                .when(new CancelPatientPathwayCommand(ID, "Duplicate of 943 476 5919", "REM", hours(10)))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void cancelledPathwayRejectsSteps() {
        fixture.given(STARTED, new PatientPathwayCancelledEvent(ID, "REM", "LUNG", 1, hours(10), "Referred elsewhere"))
                .when(complete("ct-performed", hours(20)))
                .expectException(PatientRuleViolations.PathwayClosedException.class)
                .expectNoEvents();
    }

    @Test
    void cancelRecordsReason() {
        fixture.given(STARTED)
                .when(new CancelPatientPathwayCommand(ID, "Referred elsewhere", "REM", hours(10)))
                .expectEvents(new PatientPathwayCancelledEvent(ID, "REM", "LUNG", 1, hours(10), "Referred elsewhere"));
    }

    @Test
    void eraseOnce() {
        fixture.given(STARTED, new PatientPathwayErasedEvent(ID, "REM", "LUNG", 1))
                .when(new ErasePatientPathwayCommand(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
