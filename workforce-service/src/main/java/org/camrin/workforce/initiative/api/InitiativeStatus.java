package org.camrin.workforce.initiative.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Status of an initiative. It starts as proposed, and completed and cancelled initiatives move
 * nowhere. Planned and in-progress initiatives count towards the projection.
 */
public enum InitiativeStatus {

    PROPOSED, PLANNED, IN_PROGRESS, COMPLETED, CANCELLED;

    /** Returns the statuses an initiative may move to from this one. */
    public Set<InitiativeStatus> allowedNext() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(PLANNED, CANCELLED);
            case PLANNED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(InitiativeStatus.class);
        };
    }

    public boolean canMoveTo(InitiativeStatus next) {
        return allowedNext().contains(next);
    }

    /** Tells whether the planned effect is still to come, so a projection counts it. */
    public boolean countsTowardsProjection() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
