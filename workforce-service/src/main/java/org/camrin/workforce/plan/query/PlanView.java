package org.camrin.workforce.plan.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.camrin.workforce.plan.api.ActionStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The implementation plan of one Integrated Care System, read by its ICB code. A plan contains tens
 * of actions, so one document stays small.
 *
 * @param actions by action id
 * @param version sequence number of the last plan event applied, so a retried batch is skipped
 */
@Document(PlanView.COLLECTION)
public record PlanView(@Id String icsCode, String boardName, Map<String, Action> actions, Instant updatedAt,
        long version) {

    static final String COLLECTION = "ics_plans";

    public record Action(String actionId, String title, String owner, LocalDate dueDate, String initiativeId,
            ActionStatus status, String statusReason, Instant statusChangedAt, String statusChangedBy) {
    }
}
