package org.camrin.pathway.definition.api;

/** Result of an adoption command, so a repeated adoption can be reported as such rather than as a change. */
public enum AdoptionOutcome {
    /** A new adoption was stored. */
    ADOPTED,
    /** The trust already uses this version from an earlier or the same date, so nothing was stored. */
    ALREADY_ADOPTED
}
