package org.camrin.data.imports.api;

/**
 * Patient counts of one organisation, month and (optionally) diagnostic test. A field is null
 * where the source file does not carry it, for example activity in the provider-level files.
 *
 * @param totalWaitingList   patients waiting at the end of the month
 * @param waiting6PlusWeeks  of those, patients waiting 6 weeks or more
 * @param waiting13PlusWeeks of those, patients waiting 13 weeks or more
 * @param totalActivity      tests carried out in the month (waiting list, planned and unscheduled)
 */
public record Counts(Long totalWaitingList, Long waiting6PlusWeeks, Long waiting13PlusWeeks, Long totalActivity) {

    public static final Counts NONE = new Counts(null, null, null, null);

    /** Adds two counts field by field; a field stays null only when it is null on both sides. */
    public Counts plus(Counts other) {
        return new Counts(add(totalWaitingList, other.totalWaitingList), add(waiting6PlusWeeks, other.waiting6PlusWeeks),
                add(waiting13PlusWeeks, other.waiting13PlusWeeks), add(totalActivity, other.totalActivity));
    }

    /** Takes each field from {@code newer} where it has a value, else keeps this one's. */
    public Counts overriddenBy(Counts newer) {
        return new Counts(prefer(newer.totalWaitingList, totalWaitingList), prefer(newer.waiting6PlusWeeks, waiting6PlusWeeks),
                prefer(newer.waiting13PlusWeeks, waiting13PlusWeeks), prefer(newer.totalActivity, totalActivity));
    }

    private static Long add(Long left, Long right) {
        if (left == null) {
            return right;
        }
        return right == null ? left : left + right;
    }

    private static Long prefer(Long newer, Long older) {
        return newer != null ? newer : older;
    }
}
