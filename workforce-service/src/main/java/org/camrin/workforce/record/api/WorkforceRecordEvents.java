package org.camrin.workforce.record.api;

import java.time.YearMonth;

/**
 * Events of the workforce record as stored in the event store. Their names and fields are
 * permanent once stored; the public Kafka contract is mapped from them separately.
 */
public final class WorkforceRecordEvents {

    private WorkforceRecordEvents() {
    }

    /** @param importId id of the file import that carried the return; null when entered through the API */
    public record MonthlyReturnRecordedEvent(WorkforceRecordId recordId, String trust, StaffGroup staffGroup,
            YearMonth month, MonthlyFigures figures, String importId) {
    }

    /** @param previous the figures the correction replaces */
    public record MonthlyReturnCorrectedEvent(WorkforceRecordId recordId, String trust, StaffGroup staffGroup,
            YearMonth month, MonthlyFigures figures, MonthlyFigures previous, String reason, String importId) {
    }
}
