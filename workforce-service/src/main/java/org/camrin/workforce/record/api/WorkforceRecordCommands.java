package org.camrin.workforce.record.api;

import java.time.YearMonth;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands the workforce record of a trust and staff group handles. Values are checked by the aggregate. */
public final class WorkforceRecordCommands {

    private WorkforceRecordCommands() {
    }

    /** Records the return of a month that has none yet; the record is created with its first return. */
    public record RecordMonthlyReturnCommand(@TargetAggregateIdentifier WorkforceRecordId recordId, YearMonth month,
            MonthlyFigures figures) {
    }

    /** Replaces a recorded month's figures with corrected ones; the earlier figures stay in the history. */
    public record CorrectMonthlyReturnCommand(@TargetAggregateIdentifier WorkforceRecordId recordId, YearMonth month,
            MonthlyFigures figures, String reason) {
    }

    /**
     * Stores the rows of one imported file for this record in one step: a month without a return
     * is recorded, a month with different figures is corrected, and an unchanged month is left alone.
     */
    public record ImportMonthlyReturnsCommand(@TargetAggregateIdentifier WorkforceRecordId recordId, String importId,
            List<ImportedMonth> months) {
    }

    /** One imported row: its month and figures. */
    public record ImportedMonth(YearMonth month, MonthlyFigures figures) {
    }
}
