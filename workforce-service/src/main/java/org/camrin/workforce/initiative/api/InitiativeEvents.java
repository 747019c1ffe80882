package org.camrin.workforce.initiative.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Events of the initiative aggregate as stored in the event store. Their names and fields are
 * permanent once stored; the public Kafka contract is mapped from them separately.
 */
public final class InitiativeEvents {

    private InitiativeEvents() {
    }

    /** @param staffGroups staff group ids, such as {@code sonographers} */
    public record InitiativeProposedEvent(InitiativeId initiativeId, String title, StarTheme theme,
            List<String> staffGroups, List<String> trusts, double plannedWteEffect, LocalDate startDate,
            LocalDate plannedEndDate) {
    }

    public record InitiativeStatusChangedEvent(InitiativeId initiativeId, InitiativeStatus from, InitiativeStatus to,
            LocalDate effectiveOn, String reason) {
    }

    /** @param previous the actual effect recorded before, null for the first measurement */
    public record InitiativeEffectRecordedEvent(InitiativeId initiativeId, double actualWteEffect,
            LocalDate measuredOn, Double previous) {
    }
}
