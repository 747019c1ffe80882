package org.camrin.pathway.patient.api;

import java.time.Duration;
import java.time.Instant;

import org.camrin.support.web.InvalidInputException;

/**
 * Bounds of the times staff submit for a pathway start or a step completion. The bounds keep
 * every due time and calendar date derived from a submitted time representable, and reject times
 * that cannot be real events of this network.
 */
public final class ReportedTimes {

    /** Earliest accepted time; no pathway of the network started before this. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** How far ahead of the server clock a submitted time may be, to allow for clock drift. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private ReportedTimes() {
    }

    /** Returns {@code time} if it lies between {@link #EARLIEST} and {@code now} plus the tolerance. */
    public static Instant requireWithinWindow(String field, Instant time, Instant now) {
        if (time == null) {
            throw new InvalidInputException(field, "Send the time as ISO-8601, for example 2026-01-31T09:30:00Z.");
        }
        if (time.isBefore(EARLIEST)) {
            throw new InvalidInputException(field, "The time " + time + " is before " + EARLIEST
                    + ", the earliest accepted; send when it happened.");
        }
        if (time.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidInputException(field, "The time " + time + " is in the future; send when it happened.");
        }
        return time;
    }
}
