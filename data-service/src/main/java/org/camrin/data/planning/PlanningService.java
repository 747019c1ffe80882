package org.camrin.data.planning;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.camrin.data.access.FigureAccess;
import org.camrin.data.figures.query.FigureQueries;
import org.camrin.data.figures.query.WaitingListFigures;
import org.camrin.data.organisation.Organisations.Basis;
import org.camrin.data.planning.WaitingListFormulas.ProjectedMonth;
import org.camrin.support.network.NetworkTrust;
import org.camrin.support.web.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Projections and capacity calculations for a trust or the network, and a test where the data
 * has tests. Baselines come from the imported figures of the start month and up to three months
 * before it; the caller may override them.
 */
@Service
public class PlanningService {

    static final int BASELINE_MONTHS = 3;
    static final int MAX_MONTHS = 120;

    private final FigureQueries figures;

    PlanningService(FigureQueries figures) {
        this.figures = figures;
    }

    /** Starting point taken from the figures. A value is null where the figures lack it. */
    public record Baseline(String area, String name, String test, String start, Long waitingList,
            Long waiting6PlusWeeks, Double demandPerMonth, Double capacityPerMonth, Double netChangePerMonth,
            List<String> monthsUsed) {
    }

    /** A projection with the inputs it used and the assumptions behind it. */
    public record Projection(Map<String, Object> inputs, List<String> assumptions, Baseline baseline,
            List<ProjectedMonth> months) {
    }

    /** The capacity that clears the 6+ week backlog by a month. */
    public record BacklogClearance(Map<String, Object> inputs, List<String> assumptions, Baseline baseline,
            int months, long backlog, double extraCapacityPerMonth, Double requiredCapacityPerMonth,
            Double averageDemandPerMonth) {
    }

    /** Target queue size and capacity with the inputs and their source. */
    public record Targets(Map<String, Object> inputs, List<String> assumptions, Baseline baseline,
            double demandPerWeek, double targetWaitWeeks, double variabilityFactor, double targetQueueSize,
            double targetCapacityPerWeek, double targetCapacityPerMonth, Long currentWaitingList,
            Double queueRatio) {
    }

    public Projection project(String area, String test, YearMonth start, int months, double growthPercent,
            double extraCapacity, Double demandOverride, Double capacityOverride, Basis basis) {
        requireMonths("months", months);
        Baseline baseline = baseline(area, test, start, basis, demandOverride, capacityOverride, HAS_WAITING_LIST);
        if (baseline.waitingList() == null) {
            throw new InvalidInputException("start", "No waiting list for " + baseline.name() + " in " + baseline.start()
                    + ". " + suggestStart(area, test, basis, HAS_WAITING_LIST, "a waiting list"));
        }
        boolean baselineKnown = baseline.demandPerMonth() != null && baseline.capacityPerMonth() != null;
        if (!baselineKnown && growthPercent != 0) {
            throw new InvalidInputException("demandPerMonth", "The figures of " + baseline.name() + " carry no "
                    + "activity, so demand is unknown and cannot grow. Send demandPerMonth (capacity is then taken "
                    + "as demand less the observed monthly change), or set demandGrowthPercent to 0.");
        }
        if (baselineKnown && baseline.capacityPerMonth() + extraCapacity < 0) {
            throw new InvalidInputException("extraCapacityPerMonth", "A cut of " + round(-extraCapacity) + " a month is "
                    + "more than the baseline capacity of " + round(baseline.capacityPerMonth()) + " a month; capacity "
                    + "cannot fall below zero.");
        }
        if (!baselineKnown && baseline.netChangePerMonth() == null) {
            throw new InvalidInputException("start", "A projection needs either activity figures or at least two "
                    + "months of waiting lists up to " + baseline.start() + ". Send demandPerMonth and capacityPerMonth.");
        }

        List<ProjectedMonth> projected = WaitingListFormulas.project(YearMonth.parse(baseline.start()),
                baseline.waitingList(), baseline.demandPerMonth(), baseline.capacityPerMonth(),
                baseline.netChangePerMonth() == null ? 0 : baseline.netChangePerMonth(), months, growthPercent,
                extraCapacity);

        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("area", baseline.area());
        inputs.put("test", test);
        inputs.put("start", baseline.start());
        inputs.put("months", months);
        inputs.put("demandGrowthPercentPerYear", growthPercent);
        inputs.put("extraCapacityPerMonth", extraCapacity);
        inputs.put("demandPerMonth", demandOverride);
        inputs.put("capacityPerMonth", capacityOverride);
        inputs.put("basis", basis);
        List<String> assumptions = new ArrayList<>();
        assumptions.add("Each month's waiting list is last month's plus demand less capacity, never below zero.");
        if (baselineKnown) {
            assumptions.add("Demand starts at " + round(baseline.demandPerMonth()) + " a month and grows by "
                    + growthPercent + "% a year, compounded monthly.");
            assumptions.add("Capacity stays at " + round(baseline.capacityPerMonth()) + " a month plus the extra "
                    + extraCapacity + ".");
        } else {
            assumptions.add("The figures carry no activity, so the list keeps its observed average change of "
                    + round(baseline.netChangePerMonth()) + " a month, less the extra capacity.");
        }
        assumptions.add(baselineSource(baseline, demandOverride, capacityOverride));
        return new Projection(inputs, assumptions, baseline, projected);
    }

    public BacklogClearance clearBacklog(String area, String test, YearMonth start, YearMonth by, double growthPercent,
            Double demandOverride, Double capacityOverride, Basis basis) {
        Baseline baseline = baseline(area, test, start, basis, demandOverride, capacityOverride, HAS_6_PLUS_WEEKS);
        if (baseline.waiting6PlusWeeks() == null) {
            throw new InvalidInputException("start", "No 6+ week count for " + baseline.name() + " in "
                    + baseline.start() + ". " + suggestStart(area, test, basis, HAS_6_PLUS_WEEKS, "a 6+ week count"));
        }
        if (by == null) {
            throw new InvalidInputException("by", "Send the month by which the backlog should be cleared, as YYYY-MM.");
        }
        YearMonth startMonth = YearMonth.parse(baseline.start());
        int months = (int) startMonth.until(by, java.time.temporal.ChronoUnit.MONTHS);
        if (months < 1) {
            throw new InvalidInputException("by", "Must be after the start month " + startMonth + ".");
        }
        requireMonths("by", months);

        boolean baselineKnown = baseline.demandPerMonth() != null && baseline.capacityPerMonth() != null;
        Double averageDemand = null;
        double growth;
        if (baselineKnown) {
            double sum = 0;
            for (int month = 1; month <= months; month++) {
                sum += WaitingListFormulas.demandAfter(baseline.demandPerMonth(), growthPercent, month);
            }
            averageDemand = sum / months;
            growth = averageDemand - baseline.capacityPerMonth();
        } else {
            if (growthPercent != 0) {
                throw new InvalidInputException("demandPerMonth", "The figures carry no activity, so demand is unknown "
                        + "and cannot grow. Send demandPerMonth, or set demandGrowthPercent to 0.");
            }
            growth = baseline.netChangePerMonth() == null ? 0 : baseline.netChangePerMonth();
        }
        double extra = WaitingListFormulas.extraCapacityToClear(baseline.waiting6PlusWeeks(), months, growth);
        Double required = baseline.capacityPerMonth() == null ? null : baseline.capacityPerMonth() + extra;

        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("area", baseline.area());
        inputs.put("test", test);
        inputs.put("start", baseline.start());
        inputs.put("by", by.toString());
        inputs.put("demandGrowthPercentPerYear", growthPercent);
        inputs.put("demandPerMonth", demandOverride);
        inputs.put("capacityPerMonth", capacityOverride);
        inputs.put("basis", basis);
        List<String> assumptions = new ArrayList<>();
        assumptions.add("The " + baseline.waiting6PlusWeeks() + " patients waiting 6+ weeks in " + baseline.start()
                + " are seen in equal parts over the " + months + " months to " + by + ".");
        assumptions.add("On top of that, capacity must stop the list growing: " + round(Math.max(0, growth))
                + " a month on average" + (baselineKnown ? " (demand less today's capacity)." : " (the observed change)."));
        assumptions.add("Patients who pass 6 weeks during the period are not counted; the result is a lower bound.");
        assumptions.add(baselineSource(baseline, demandOverride, capacityOverride));
        return new BacklogClearance(inputs, assumptions, baseline, months, baseline.waiting6PlusWeeks(), extra, required,
                averageDemand);
    }

    public Targets targets(String area, String test, YearMonth start, Double demandPerWeekOverride,
            double targetWaitWeeks, double variability, Basis basis) {
        if (!(targetWaitWeeks > 0)) {
            throw new InvalidInputException("targetWaitWeeks", "Must be more than 0 weeks; the DM01 standard is 6.");
        }
        if (!(variability >= 0)) {
            throw new InvalidInputException("variability", "Must not be negative; 1 is the usual default.");
        }
        Baseline baseline = area == null ? null : baseline(area, test, start, basis, null, null,
                demandPerWeekOverride == null ? HAS_DEMAND : HAS_WAITING_LIST);
        double demandPerWeek;
        if (demandPerWeekOverride != null) {
            demandPerWeek = demandPerWeekOverride;
        } else if (baseline != null && baseline.demandPerMonth() != null) {
            demandPerWeek = baseline.demandPerMonth() / WaitingListFormulas.WEEKS_PER_MONTH;
        } else {
            throw new InvalidInputException("demandPerWeek", "Send demandPerWeek: "
                    + (baseline == null ? "no area was given" : "the figures of " + baseline.name() + " carry no activity")
                    + ", so demand cannot be estimated.");
        }
        if (demandPerWeek < 0) {
            throw new InvalidInputException("demandPerWeek", "Must not be negative.");
        }

        double queue = WaitingListFormulas.targetQueueSize(demandPerWeek, targetWaitWeeks);
        double capacity = WaitingListFormulas.targetCapacity(demandPerWeek, targetWaitWeeks, variability);
        Long current = baseline == null ? null : baseline.waitingList();

        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("area", baseline == null ? null : baseline.area());
        inputs.put("test", test);
        inputs.put("demandPerWeek", demandPerWeekOverride);
        inputs.put("targetWaitWeeks", targetWaitWeeks);
        inputs.put("variability", variability);
        List<String> assumptions = List.of(
                "Target queue size = demand x target wait / 4, so the mean wait is a quarter of the target wait.",
                "Target capacity = demand + 2(1 + 4F) / target wait, with F = " + variability
                        + " the variability of demand; capacity must exceed demand for a stable list.",
                "Source: the NHSRwaitinglist R package (NHS-R community), after Neil Walton.",
                "Monthly figures are turned into weekly ones at 52/12 weeks a month.");
        return new Targets(inputs, assumptions, baseline, demandPerWeek, targetWaitWeeks, variability, queue, capacity,
                capacity * WaitingListFormulas.WEEKS_PER_MONTH, current,
                current == null || queue == 0 ? null : current / queue);
    }

    /**
     * Reads the figures of the start month and the months before it for a trust or the network.
     * Without a start, the latest month whose figures pass {@code needed} is taken, or the latest
     * month with any figures when none does, so the caller's check names what is missing.
     */
    Baseline baseline(String area, String test, YearMonth start, Basis basis, Double demandOverride,
            Double capacityOverride, Predicate<Series> needed) {
        Area resolved = area(area);
        YearMonth month = start != null ? start : latestWith(resolved, test, basis, needed)
                .or(figures::latestPeriod)
                .orElseThrow(() -> new InvalidInputException("start",
                        "No figures have been imported yet, so there is nothing to start from."));
        return baseline(resolved, test, month, basis, demandOverride, capacityOverride);
    }

    /** A trust, or the network when {@code trust} is null. */
    private record Area(NetworkTrust trust) {

        boolean network() {
            return trust == null;
        }
    }

    private static Area area(String area) {
        if (area == null || area.isBlank()) {
            throw new InvalidInputException("area", "Send the ODS code of a trust (" + NetworkTrust.odsCodes()
                    + ") or NETWORK.");
        }
        boolean network = area.equalsIgnoreCase(FigureQueries.NETWORK);
        NetworkTrust trust = network ? null : NetworkTrust.fromOdsCode(area).orElseThrow(() -> new InvalidInputException(
                "area", "'" + area + "' is not the ODS code of a network trust. Use one of " + NetworkTrust.odsCodes()
                        + ", or NETWORK."));
        if (!network) {
            FigureAccess.requireRead(trust.odsCode());
        }
        return new Area(trust);
    }

    /**
     * Finds the latest month whose figures for the area pass {@code needed}, newest first. A month
     * costs one lookup per organisation for a trust and about 30 for the network.
     */
    private Optional<YearMonth> latestWith(Area area, String test, Basis basis, Predicate<Series> needed) {
        List<String> periods = figures.periods();
        for (int index = periods.size() - 1; index >= 0; index--) {
            YearMonth period = YearMonth.parse(periods.get(index));
            WaitingListFigures row = area.network()
                    ? figures.networkMonth(period, basis)
                    : figures.trustMonth(area.trust(), period, basis);
            if (needed.test(Series.of(row, test))) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }

    /** Names the latest month with the missing figure, or states that no month has it. */
    private String suggestStart(String area, String test, Basis basis, Predicate<Series> needed, String what) {
        return latestWith(area(area), test, basis, needed)
                .map(month -> "The latest month with " + what + " is " + month + ": send start=" + month
                        + ", or leave start out to use it.")
                .orElse("No imported month has " + what + " for this area" + (test == null ? "" : " and test")
                        + ". Import a file that carries it.");
    }

    private Baseline baseline(Area area, String test, YearMonth month, Basis basis, Double demandOverride,
            Double capacityOverride) {
        boolean network = area.network();
        NetworkTrust trust = area.trust();
        YearMonth from = month.minusMonths(BASELINE_MONTHS);
        List<WaitingListFigures> series = network
                ? figures.networkSeries(from, month, basis)
                : figures.trustSeries(trust, from, month, basis);

        List<Series> values = series.stream().map(row -> Series.of(row, test)).toList();
        if (test != null && values.stream().allMatch(value -> value.waitingList() == null)) {
            throw new InvalidInputException("test", "No figures for test '" + test + "' around " + month
                    + ": tests are known only from DM01 full extracts.");
        }
        Series last = values.get(values.size() - 1);
        List<Double> demands = new ArrayList<>();
        List<Double> activities = new ArrayList<>();
        List<Double> changes = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int index = 1; index < values.size(); index++) {
            Series value = values.get(index);
            // Demand and capacity come from the same months, so their difference is the observed change.
            if (value.demand() != null && value.activity() != null) {
                demands.add(value.demand().doubleValue());
                activities.add(value.activity().doubleValue());
            }
            if (value.change() != null) {
                changes.add(value.change().doubleValue());
                used.add(value.period());
            }
        }
        Double netChange = average(changes);
        Double demand = demandOverride != null ? demandOverride : average(demands);
        Double capacity = capacityOverride != null ? capacityOverride : average(activities);
        if (capacity == null && demand != null && netChange != null) {
            capacity = demand - netChange;
        }
        String name = network ? FigureQueries.NETWORK_NAME : trust.trustName();
        return new Baseline(network ? FigureQueries.NETWORK : trust.odsCode(), name, test, month.toString(),
                last.waitingList(), last.waiting6Plus(), demand, capacity, netChange, used);
    }

    private static final Predicate<Series> HAS_WAITING_LIST = series -> series.waitingList() != null;
    private static final Predicate<Series> HAS_6_PLUS_WEEKS = series -> series.waiting6Plus() != null;
    private static final Predicate<Series> HAS_DEMAND = series -> series.demand() != null && series.activity() != null;

    private record Series(String period, Long waitingList, Long waiting6Plus, Long activity, Long demand, Long change) {

        static Series of(WaitingListFigures row, String test) {
            if (test == null) {
                return new Series(row.period(), row.totalWaitingList(), row.waiting6PlusWeeks(), row.activity(),
                        row.estimatedDemand(), row.changeInWaitingList());
            }
            return row.tests().stream()
                    .filter(figures -> figures.test().equalsIgnoreCase(test))
                    .findFirst()
                    .map(figures -> new Series(row.period(), figures.totalWaitingList(), figures.waiting6PlusWeeks(),
                            figures.activity(), figures.estimatedDemand(), figures.changeInWaitingList()))
                    .orElse(new Series(row.period(), null, null, null, null, null));
        }
    }

    private static String baselineSource(Baseline baseline, Double demandOverride, Double capacityOverride) {
        return "Baseline from the figures of " + baseline.monthsUsed() + " (average of up to " + BASELINE_MONTHS
                + " months to " + baseline.start() + ")"
                + (demandOverride != null ? "; demand " + demandOverride + " a month as sent" : "")
                + (capacityOverride != null ? "; capacity " + capacityOverride + " a month as sent" : "")
                + (demandOverride != null && capacityOverride == null && baseline.capacityPerMonth() != null
                        && baseline.netChangePerMonth() != null
                        ? "; capacity taken as demand less the observed monthly change" : "")
                + ".";
    }

    private static void requireMonths(String field, int months) {
        if (months < 1 || months > MAX_MONTHS) {
            throw new InvalidInputException(field, "Must cover 1 to " + MAX_MONTHS + " months.");
        }
    }

    private static Double average(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
