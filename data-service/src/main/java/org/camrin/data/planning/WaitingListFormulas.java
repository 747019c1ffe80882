package org.camrin.data.planning;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Waiting-list arithmetic, free of storage so it can be checked against cases worked by hand.
 *
 * <p>The target formulas follow the NHSRwaitinglist R package (NHS-R community, after Neil
 * Walton's queueing analysis): target queue size = demand x target wait / 4, and target
 * capacity = demand + 2(1 + 4F) / target wait, with demand per week, the target wait in weeks
 * and F a demand-variability factor (1 by default). A list is stable only while capacity exceeds
 * demand.
 */
public final class WaitingListFormulas {

    /** Weeks in an average month (52 weeks over 12 months), for turning monthly figures into weekly ones. */
    public static final double WEEKS_PER_MONTH = 52.0 / 12.0;

    private WaitingListFormulas() {
    }

    /** One projected month. Demand and capacity are null when only the net change is known. */
    public record ProjectedMonth(String period, Double demand, Double capacity, double netChange, double waitingList) {
    }

    /**
     * Projects the waiting list month by month: list(t) = max(0, list(t-1) + demand(t) - capacity),
     * with demand(t) = demand(0) x (1 + growth)^(t / 12) and capacity = baseline capacity + extra.
     * Without a demand and capacity baseline, the list moves by the observed net change less the
     * extra capacity, and demand growth cannot be applied.
     *
     * @param demandPerMonth   baseline demand; null when unknown
     * @param capacityPerMonth baseline capacity; null when unknown
     * @param netChangePerMonth observed average monthly change, used when demand or capacity is null
     */
    public static List<ProjectedMonth> project(YearMonth start, double startWaitingList, Double demandPerMonth,
            Double capacityPerMonth, double netChangePerMonth, int months, double demandGrowthPercentPerYear,
            double extraCapacityPerMonth) {
        List<ProjectedMonth> result = new ArrayList<>();
        double waitingList = startWaitingList;
        boolean baselineKnown = demandPerMonth != null && capacityPerMonth != null;
        for (int month = 1; month <= months; month++) {
            Double demand = null;
            Double capacity = null;
            double change;
            if (baselineKnown) {
                demand = demandAfter(demandPerMonth, demandGrowthPercentPerYear, month);
                capacity = capacityPerMonth + extraCapacityPerMonth;
                change = demand - capacity;
            } else {
                change = netChangePerMonth - extraCapacityPerMonth;
            }
            double next = Math.max(0, waitingList + change);
            result.add(new ProjectedMonth(start.plusMonths(month).toString(), demand, capacity, next - waitingList, next));
            waitingList = next;
        }
        return result;
    }

    /** Demand after a number of months of growth at a yearly rate, compounded monthly. */
    public static double demandAfter(double demandPerMonth, double growthPercentPerYear, int months) {
        return demandPerMonth * Math.pow(1 + growthPercentPerYear / 100.0, months / 12.0);
    }

    /**
     * Extra capacity per month, above today's, that clears a backlog within the given months: the
     * backlog spread evenly, plus whatever the list grows by each month on average.
     */
    public static double extraCapacityToClear(double backlog, int months, double averageGrowthPerMonth) {
        return backlog / months + Math.max(0, averageGrowthPerMonth);
    }

    /** Target queue size = demand x target wait / 4, in patients. */
    public static double targetQueueSize(double demandPerWeek, double targetWaitWeeks) {
        return demandPerWeek * targetWaitWeeks / 4.0;
    }

    /** Target capacity = demand + 2(1 + 4F) / target wait, in patients per week. */
    public static double targetCapacity(double demandPerWeek, double targetWaitWeeks, double variabilityFactor) {
        return demandPerWeek + 2 * (1 + 4 * variabilityFactor) / targetWaitWeeks;
    }
}
