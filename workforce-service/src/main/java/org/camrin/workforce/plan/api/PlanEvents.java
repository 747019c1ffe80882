package org.camrin.workforce.plan.api;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Events of the implementation plan as stored in the event store. Their names and fields are
 * permanent once stored; the public Kafka contract is mapped from them separately.
 */
public final class PlanEvents {

    private PlanEvents() {
    }

    public record PlanActionAddedEvent(String icsCode, UUID actionId, String title, String owner, LocalDate dueDate,
            UUID initiativeId) {
    }

    public record PlanActionStatusChangedEvent(String icsCode, UUID actionId, ActionStatus from, ActionStatus to,
            String reason) {
    }
}
