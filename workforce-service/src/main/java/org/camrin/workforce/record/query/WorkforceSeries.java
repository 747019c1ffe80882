package org.camrin.workforce.record.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.camrin.workforce.record.api.MonthlyFigures;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The monthly returns of one trust and staff group as they stand after all corrections, read by
 * the record id such as {@code RBL|sonographers}. One entry per month keeps the document bounded:
 * ten years of returns are 120 entries.
 *
 * @param returns  figures by month, keyed {@code YYYY-MM}
 * @param version  sequence number of the last event applied, so a retried batch is skipped
 */
@Document(WorkforceSeries.COLLECTION)
public record WorkforceSeries(@Id String id, String trust, String staffGroup, Map<String, MonthlyFigures> returns,
        Map<String, ReturnAudit> audit, Instant updatedAt, long version) {

    static final String COLLECTION = "workforce_series";

    /** Audit entry of a month: who last stored its figures, when, and whether as a correction. */
    public record ReturnAudit(Instant storedAt, String username, String trust, boolean corrected, String reason) {
    }

    /** The returns ordered by month. */
    public NavigableMap<YearMonth, MonthlyFigures> byMonth() {
        NavigableMap<YearMonth, MonthlyFigures> ordered = new TreeMap<>();
        if (returns != null) {
            returns.forEach((month, figures) -> ordered.put(YearMonth.parse(month), figures));
        }
        return ordered;
    }
}
