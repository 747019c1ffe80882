package org.camrin.workforce.plan.api;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands the implementation plan of an Integrated Care System handles; the plan is identified
 * by the ICB code and created with its first action.
 */
public final class PlanCommands {

    private PlanCommands() {
    }

    /**
     * @param owner        the post or team answerable for the action, such as "Workforce lead, RBL"
     * @param initiativeId the initiative the action delivers, or null
     */
    public record AddPlanActionCommand(@TargetAggregateIdentifier String icsCode, UUID actionId, String title,
            String owner, LocalDate dueDate, UUID initiativeId) {
    }

    public record ChangePlanActionStatusCommand(@TargetAggregateIdentifier String icsCode, UUID actionId,
            ActionStatus status, String reason) {
    }
}
