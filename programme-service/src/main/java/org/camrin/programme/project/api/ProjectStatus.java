package org.camrin.programme.project.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Status of a project in its lifecycle. A project starts as proposed. Each status lists the
 * statuses it may move to, and a closed project moves nowhere.
 */
public enum ProjectStatus {

    PROPOSED, APPROVED, IN_PROGRESS, ON_HOLD, COMPLETED, CLOSED;

    /** Returns the statuses a project may move to from this one. */
    public Set<ProjectStatus> allowedNext() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(APPROVED, CLOSED);
            case APPROVED -> EnumSet.of(IN_PROGRESS, ON_HOLD, CLOSED);
            case IN_PROGRESS -> EnumSet.of(ON_HOLD, COMPLETED, CLOSED);
            case ON_HOLD -> EnumSet.of(IN_PROGRESS, CLOSED);
            case COMPLETED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    public boolean canMoveTo(ProjectStatus next) {
        return allowedNext().contains(next);
    }
}
