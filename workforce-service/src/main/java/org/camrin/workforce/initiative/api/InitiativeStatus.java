package org.camrin.workforce.initiative.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an initiative stands. It starts as proposed; completed and cancelled initiatives move
 * nowhere. Planned and in-progress initiatives count towards the projection.
 */
public enum InitiativeStatus {

    PROPOSED, PLANNED, IN_PROGRESS, COMPLETED, CANCELLED;

    /** The statuses an initiative may move to from this one. */
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

    /** Whether the initiative's planned effect is still to come, so a projection counts it. */
    public boolean countsTowardsProjection() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
