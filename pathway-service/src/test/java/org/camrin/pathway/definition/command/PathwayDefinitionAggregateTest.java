package org.camrin.pathway.definition.command;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.camrin.pathway.definition.api.AdoptionOutcome;
import org.camrin.pathway.definition.api.DefinitionCommands.AdoptPathwayVersionCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.CreatePathwayDraftCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.PublishPathwayCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.RetirePathwayVersionCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.RevisePathwayDraftCommand;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayDraftedEvent;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayPublishedEvent;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayVersionAdoptedEvent;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayVersionRetiredEvent;
import org.camrin.pathway.definition.api.PathwayStep;
import org.camrin.support.web.InvalidInputException;
import org.camrin.support.web.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PathwayDefinitionAggregateTest {

    private static final String CODE = "LUNG-TEST";
    private static final List<PathwayStep> STEPS = List.of(
            new PathwayStep("ct-performed", "CT performed", Duration.ofHours(72), null),
            new PathwayStep("ct-reported", "CT reported", Duration.ofHours(24), "ct-performed"));
    private static final List<PathwayStep> REVISED = List.of(
            new PathwayStep("ct-performed", "CT performed", Duration.ofHours(48), null));
    private static final List<String> STANDARDS = List.of("NOLCP CT within 72 hours");
    private static final PathwayDraftedEvent DRAFTED = new PathwayDraftedEvent(CODE, 1, "Lung", "Lung cancer", STEPS,
            STANDARDS);
    private static final PathwayPublishedEvent PUBLISHED = new PathwayPublishedEvent(CODE, 1, "Lung", "Lung cancer",
            STEPS, STANDARDS);

    private FixtureConfiguration<PathwayDefinitionAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PathwayDefinitionAggregate.class);
    }

    @Test
    void createDraftsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new CreatePathwayDraftCommand(CODE, " Lung ", "Lung cancer", STEPS, List.of(
                        "NOLCP CT within 72 hours", "NOLCP CT within 72 hours")))
                .expectEvents(DRAFTED);
    }

    @Test
    void createRejectsLowerCaseCode() {
        fixture.givenNoPriorActivity()
                .when(new CreatePathwayDraftCommand("lung", "Lung", "Lung cancer", STEPS, STANDARDS))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void stepMeasuredFromLaterStepRejected() {
        List<PathwayStep> backwards = List.of(
                new PathwayStep("ct-reported", "CT reported", Duration.ofHours(24), "ct-performed"),
                new PathwayStep("ct-performed", "CT performed", Duration.ofHours(72), null));
        fixture.givenNoPriorActivity()
                .when(new CreatePathwayDraftCommand(CODE, "Lung", "Lung cancer", backwards, STANDARDS))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("earlier step"))
                .expectNoEvents();
    }

    @Test
    void duplicateStepKeyRejected() {
        List<PathwayStep> twice = List.of(STEPS.get(0), STEPS.get(0));
        fixture.givenNoPriorActivity()
                .when(new CreatePathwayDraftCommand(CODE, "Lung", "Lung cancer", twice, STANDARDS))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void zeroTargetRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreatePathwayDraftCommand(CODE, "Lung", "Lung cancer",
                        List.of(new PathwayStep("ct-performed", "CT", Duration.ZERO, null)), STANDARDS))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void negativeTargetRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreatePathwayDraftCommand(CODE, "Lung", "Lung cancer",
                        List.of(new PathwayStep("ct-performed", "CT", Duration.ofHours(-1), null)), STANDARDS))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void targetOverMaximumRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreatePathwayDraftCommand(CODE, "Lung", "Lung cancer",
                        List.of(new PathwayStep("ct-performed", "CT", Duration.ofHours(9_999_999_999_999L), null)),
                        STANDARDS))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void targetOverMaximumNamesStepField() {
        List<PathwayStep> steps = List.of(STEPS.get(0),
                new PathwayStep("ct-reported", "CT reported", Duration.ofDays(401), "ct-performed"));

        InvalidInputException rejected = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> PathwayDefinitionAggregate.Content.validate("Lung", "Lung cancer", steps, STANDARDS));

        org.junit.jupiter.api.Assertions.assertEquals("steps[1].target", rejected.field());
    }

    @Test
    void revisedTargetOverMaximumRejected() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new RevisePathwayDraftCommand(CODE, "Lung", "Lung cancer",
                        List.of(new PathwayStep("ct-performed", "CT", Duration.ofDays(401), null)), STANDARDS))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("400 days"))
                .expectNoEvents();
    }

    @Test
    void targetOfMaximumAccepted() {
        List<PathwayStep> longest = List.of(new PathwayStep("ct-performed", "CT", Duration.ofDays(400), null));
        fixture.givenNoPriorActivity()
                .when(new CreatePathwayDraftCommand(CODE, "Lung", "Lung cancer", longest, STANDARDS))
                .expectEvents(new PathwayDraftedEvent(CODE, 1, "Lung", "Lung cancer", longest, STANDARDS));
    }

    @Test
    void seededTargetsWithinMaximum() {
        for (CreatePathwayDraftCommand pathway : StandardPathwaySeeder.standardPathways()) {
            fixture.givenNoPriorActivity()
                    .when(pathway)
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Test
    void publishMakesDraftImmutableVersion() {
        fixture.given(DRAFTED)
                .when(new PublishPathwayCommand(CODE))
                .expectEvents(PUBLISHED);
    }

    @Test
    void publishWithoutDraftRejected() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new PublishPathwayCommand(CODE))
                .expectException(DefinitionRuleViolations.NoDraftToPublishException.class)
                .expectNoEvents();
    }

    @Test
    void revisingPublishedDraftsNextVersion() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new RevisePathwayDraftCommand(CODE, "Lung", "Lung cancer", REVISED, STANDARDS))
                .expectEvents(new PathwayDraftedEvent(CODE, 2, "Lung", "Lung cancer", REVISED, STANDARDS));
    }

    @Test
    void revisingDraftKeepsItsVersion() {
        fixture.given(DRAFTED)
                .when(new RevisePathwayDraftCommand(CODE, "Lung", "Lung cancer", REVISED, STANDARDS))
                .expectEvents(new PathwayDraftedEvent(CODE, 1, "Lung", "Lung cancer", REVISED, STANDARDS));
    }

    @Test
    void secondVersionPublishedAsTwo() {
        fixture.given(DRAFTED, PUBLISHED,
                        new PathwayDraftedEvent(CODE, 2, "Lung", "Lung cancer", REVISED, STANDARDS))
                .when(new PublishPathwayCommand(CODE))
                .expectEvents(new PathwayPublishedEvent(CODE, 2, "Lung", "Lung cancer", REVISED, STANDARDS));
    }

    @Test
    void retireUnusedVersion() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new RetirePathwayVersionCommand(CODE, 1, "Superseded"))
                .expectEvents(new PathwayVersionRetiredEvent(CODE, 1, "Superseded"));
    }

    @Test
    void retireDraftVersionNotFound() {
        fixture.given(DRAFTED)
                .when(new RetirePathwayVersionCommand(CODE, 1, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void retireAdoptedVersionRejected() {
        fixture.given(DRAFTED, PUBLISHED,
                        new PathwayVersionAdoptedEvent(CODE, "REM", 1, LocalDate.of(2026, 1, 1), null))
                .when(new RetirePathwayVersionCommand(CODE, 1, null))
                .expectException(DefinitionRuleViolations.VersionInUseException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("REM"))
                .expectNoEvents();
    }

    @Test
    void adoptPublishedVersion() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new AdoptPathwayVersionCommand(CODE, "rem", 1, LocalDate.of(2026, 1, 1)))
                .expectEvents(new PathwayVersionAdoptedEvent(CODE, "REM", 1, LocalDate.of(2026, 1, 1), null));
    }

    @Test
    void adoptDraftVersionNotFound() {
        fixture.given(DRAFTED)
                .when(new AdoptPathwayVersionCommand(CODE, "REM", 1, LocalDate.of(2026, 1, 1)))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void adoptRetiredVersionRejected() {
        fixture.given(DRAFTED, PUBLISHED, new PathwayVersionRetiredEvent(CODE, 1, null))
                .when(new AdoptPathwayVersionCommand(CODE, "REM", 1, LocalDate.of(2026, 1, 1)))
                .expectException(DefinitionRuleViolations.VersionNotAdoptableException.class)
                .expectNoEvents();
    }

    @Test
    void adoptionFarInFutureRejected() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new AdoptPathwayVersionCommand(CODE, "REM", 1, LocalDate.MAX))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("outside the accepted range"))
                .expectNoEvents();
    }

    @Test
    void adoptionOverFiveYearsAheadRejected() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new AdoptPathwayVersionCommand(CODE, "REM", 1,
                        LocalDate.now(java.time.ZoneId.of("Europe/London")).plusYears(5).plusDays(2)))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void adoptionBefore2000Rejected() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new AdoptPathwayVersionCommand(CODE, "REM", 1, LocalDate.of(1999, 12, 31)))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void adoptTrustOutsideNetworkRejected() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new AdoptPathwayVersionCommand(CODE, "RX1", 1, LocalDate.of(2026, 1, 1)))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void newAdoptionReplacesCurrentOne() {
        fixture.given(DRAFTED, PUBLISHED,
                        new PathwayVersionAdoptedEvent(CODE, "REM", 1, LocalDate.of(2026, 1, 1), null),
                        new PathwayDraftedEvent(CODE, 2, "Lung", "Lung cancer", REVISED, STANDARDS),
                        new PathwayPublishedEvent(CODE, 2, "Lung", "Lung cancer", REVISED, STANDARDS))
                .when(new AdoptPathwayVersionCommand(CODE, "REM", 2, LocalDate.of(2026, 6, 1)))
                .expectEvents(new PathwayVersionAdoptedEvent(CODE, "REM", 2, LocalDate.of(2026, 6, 1), 1));
    }

    @Test
    void backdatedAdoptionRejected() {
        fixture.given(DRAFTED, PUBLISHED,
                        new PathwayVersionAdoptedEvent(CODE, "REM", 1, LocalDate.of(2026, 6, 1), null),
                        new PathwayDraftedEvent(CODE, 2, "Lung", "Lung cancer", REVISED, STANDARDS),
                        new PathwayPublishedEvent(CODE, 2, "Lung", "Lung cancer", REVISED, STANDARDS))
                .when(new AdoptPathwayVersionCommand(CODE, "REM", 2, LocalDate.of(2026, 1, 1)))
                .expectException(DefinitionRuleViolations.AdoptionBackdatedException.class)
                .expectNoEvents();
    }

    @Test
    void adoptingCurrentVersionAgainChangesNothing() {
        fixture.given(DRAFTED, PUBLISHED,
                        new PathwayVersionAdoptedEvent(CODE, "REM", 1, LocalDate.of(2026, 1, 1), null))
                .when(new AdoptPathwayVersionCommand(CODE, "REM", 1, LocalDate.of(2026, 3, 1)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(AdoptionOutcome.ALREADY_ADOPTED)
                .expectNoEvents();
    }

    @Test
    void identicalAdoptionReportedAsRepeat() {
        fixture.given(DRAFTED, PUBLISHED,
                        new PathwayVersionAdoptedEvent(CODE, "REM", 1, LocalDate.of(2026, 1, 1), null))
                .when(new AdoptPathwayVersionCommand(CODE, "REM", 1, LocalDate.of(2026, 1, 1)))
                .expectResultMessagePayload(AdoptionOutcome.ALREADY_ADOPTED)
                .expectNoEvents();
    }

    @Test
    void newAdoptionReportedAsAdopted() {
        fixture.given(DRAFTED, PUBLISHED)
                .when(new AdoptPathwayVersionCommand(CODE, "REM", 1, LocalDate.of(2026, 1, 1)))
                .expectResultMessagePayload(AdoptionOutcome.ADOPTED);
    }

    @Test
    void backdatedSameVersionRejected() {
        fixture.given(DRAFTED, PUBLISHED,
                        new PathwayVersionAdoptedEvent(CODE, "REM", 1, LocalDate.of(2026, 6, 1), null))
                .when(new AdoptPathwayVersionCommand(CODE, "REM", 1, LocalDate.of(2025, 1, 1)))
                .expectException(DefinitionRuleViolations.AdoptionBackdatedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("effectiveFrom"))
                .expectNoEvents();
    }
}
