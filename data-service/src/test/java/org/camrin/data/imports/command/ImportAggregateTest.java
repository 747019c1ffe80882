package org.camrin.data.imports.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.camrin.data.imports.api.Counts;
import org.camrin.data.imports.api.ImportCommands.RecordImportCommand;
import org.camrin.data.imports.api.ImportEvents.FileImportedEvent;
import org.camrin.data.imports.api.ImportOutcome;
import org.camrin.data.imports.api.OrganisationFigures;
import org.camrin.support.web.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportAggregateTest {

    private static final String CHECKSUM = "a".repeat(64);
    private static final List<OrganisationFigures> FIGURES = List.of(new OrganisationFigures("REM",
            "Liverpool University Hospitals NHS Foundation Trust", "2020-12", new Counts(10653L, 2664L, 960L, null),
            List.of()));
    private static final RecordImportCommand COMMAND = new RecordImportCommand(CHECKSUM, "bands-2020-12.csv",
            "PROVIDER_WAITING_BANDS", List.of("2020-12"), 399, 399, 0, 387, FIGURES);
    private static final FileImportedEvent IMPORTED = new FileImportedEvent(CHECKSUM, "bands-2020-12.csv",
            "PROVIDER_WAITING_BANDS", List.of("2020-12"), 399, 399, 0, 387, FIGURES);

    private FixtureConfiguration<ImportAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ImportAggregate.class);
    }

    @Test
    void newFileRecorded() {
        fixture.givenNoPriorActivity()
                .when(COMMAND)
                .expectEvents(IMPORTED)
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.equalTo(ImportOutcome.imported(CHECKSUM)));
    }

    @Test
    void sameFileTwiceChangesNothing() {
        fixture.given(IMPORTED)
                .when(COMMAND)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(new org.hamcrest.TypeSafeMatcher<ImportOutcome>() {
                    @Override
                    protected boolean matchesSafely(ImportOutcome outcome) {
                        return outcome.alreadyImported() && "bands-2020-12.csv".equals(outcome.earlierFileName());
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("an outcome saying the file was already imported");
                    }
                });
    }

    @Test
    void importIdMustBeChecksum() {
        fixture.givenNoPriorActivity()
                .when(new RecordImportCommand("not-a-checksum", "x.csv", "PROVIDER_WAITING_BANDS", List.of("2020-12"),
                        1, 1, 0, 0, FIGURES))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void fileWithoutNetworkFiguresRejected() {
        fixture.givenNoPriorActivity()
                .when(new RecordImportCommand(CHECKSUM, "x.csv", "PROVIDER_WAITING_BANDS", List.of("2020-12"), 1, 1, 0,
                        1, List.of()))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void outcomeOfNewImportIsNotDuplicate() {
        assertThat(ImportOutcome.imported(CHECKSUM).alreadyImported()).isFalse();
    }
}
