package org.camrin.workforce.record.api;

/**
 * Leavers of one month by reason for leaving, as headcount.
 *
 * @param outsideNhs leavers who left NHS employment altogether, other than by retirement
 */
public record Leavers(int retirement, int anotherNhsTrust, int outsideNhs, int other) {

    public static final Leavers NONE = new Leavers(0, 0, 0, 0);

    public int total() {
        return retirement + anotherNhsTrust + outsideNhs + other;
    }

    public Leavers plus(Leavers more) {
        return new Leavers(retirement + more.retirement, anotherNhsTrust + more.anotherNhsTrust,
                outsideNhs + more.outsideNhs, other + more.other);
    }
}
