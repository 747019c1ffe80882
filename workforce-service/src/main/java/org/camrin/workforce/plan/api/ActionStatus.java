package org.camrin.workforce.plan.api;

import java.util.EnumSet;
import java.util.Set;

/** Status of an action of an implementation plan. Completed and cancelled actions move nowhere. */
public enum ActionStatus {

    NOT_STARTED, IN_PROGRESS, COMPLETED, CANCELLED;

    public Set<ActionStatus> allowedNext() {
        return switch (this) {
            case NOT_STARTED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(ActionStatus.class);
        };
    }

    public boolean canMoveTo(ActionStatus next) {
        return allowedNext().contains(next);
    }
}
