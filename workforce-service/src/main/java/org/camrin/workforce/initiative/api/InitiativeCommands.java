package org.camrin.workforce.initiative.api;

import java.time.LocalDate;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands a Star-model initiative handles. Field values are checked by the aggregate. */
public final class InitiativeCommands {

    private InitiativeCommands() {
    }

    /**
     * @param plannedWteEffect expected change in staff in post WTE once the initiative ends, over all
     *                         its staff groups and trusts. A planned reduction is negative.
     */
    public record ProposeInitiativeCommand(@TargetAggregateIdentifier InitiativeId initiativeId, String title,
            StarTheme theme, Set<String> staffGroups, Set<String> trusts, Double plannedWteEffect,
            LocalDate startDate, LocalDate plannedEndDate) {
    }

    /** @param effectiveOn the day the move happened; starts and ends are recorded from it */
    public record ChangeInitiativeStatusCommand(@TargetAggregateIdentifier InitiativeId initiativeId,
            InitiativeStatus status, LocalDate effectiveOn, String reason) {
    }

    public record RecordInitiativeEffectCommand(@TargetAggregateIdentifier InitiativeId initiativeId,
            Double actualWteEffect, LocalDate measuredOn) {
    }
}
