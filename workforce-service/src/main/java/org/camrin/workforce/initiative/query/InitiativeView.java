package org.camrin.workforce.initiative.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.camrin.workforce.initiative.api.InitiativeStatus;
import org.camrin.workforce.initiative.api.StarTheme;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Query model of one initiative, read by its id; it is also the entry listed in the catalogue.
 *
 * @param version sequence number of the last initiative event applied, so a retried batch is skipped
 */
@Document(InitiativeView.COLLECTION)
public record InitiativeView(@Id String id, String title, StarTheme theme, List<String> staffGroups,
        List<String> trusts, InitiativeStatus status, double plannedWteEffect, Double actualWteEffect,
        LocalDate effectMeasuredOn, LocalDate startDate, LocalDate plannedEndDate, LocalDate actualStartDate,
        LocalDate actualEndDate, String createdBy, Instant updatedAt, long version) {

    static final String COLLECTION = "initiatives";

    InitiativeView withStatus(InitiativeStatus next, LocalDate effectiveOn, Instant at, long newVersion) {
        LocalDate started = next == InitiativeStatus.IN_PROGRESS ? effectiveOn : actualStartDate;
        LocalDate ended = next == InitiativeStatus.COMPLETED || next == InitiativeStatus.CANCELLED
                ? effectiveOn : actualEndDate;
        return new InitiativeView(id, title, theme, staffGroups, trusts, next, plannedWteEffect, actualWteEffect,
                effectMeasuredOn, startDate, plannedEndDate, started, ended, createdBy, at, newVersion);
    }

    InitiativeView withEffect(double actual, LocalDate measuredOn, Instant at, long newVersion) {
        return new InitiativeView(id, title, theme, staffGroups, trusts, status, plannedWteEffect, actual, measuredOn,
                startDate, plannedEndDate, actualStartDate, actualEndDate, createdBy, at, newVersion);
    }
}
