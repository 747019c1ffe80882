package org.camrin.data.planning;

import java.time.YearMonth;

import org.camrin.data.organisation.Organisations.Basis;
import org.camrin.data.planning.PlanningService.BacklogClearance;
import org.camrin.data.planning.PlanningService.Projection;
import org.camrin.data.planning.PlanningService.Targets;
import org.camrin.support.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Planning calculations on the imported figures. The same access rules as the figures apply:
 * a trust's staff plan for their own trust and the network.
 */
@RestController
@RequestMapping("/api/data/planning")
class PlanningController {

    /** Ten million patients a month, far above the network's monthly activity, so only typing errors hit it. */
    static final double MAX_PER_MONTH = 10_000_000;
    static final double MAX_PER_WEEK = 2_500_000;
    static final double MAX_GROWTH_PERCENT = 1000;
    static final double MAX_TARGET_WAIT_WEEKS = 104;
    static final double MAX_VARIABILITY = 10;

    private final PlanningService planning;

    PlanningController(PlanningService planning) {
        this.planning = planning;
    }

    @GetMapping("/projection")
    Projection projection(@RequestParam(required = false) String area, @RequestParam(required = false) String test,
            @RequestParam(required = false) YearMonth start, @RequestParam(defaultValue = "12") int months,
            @RequestParam(defaultValue = "0") double demandGrowthPercent,
            @RequestParam(defaultValue = "0") double extraCapacityPerMonth,
            @RequestParam(required = false) Double demandPerMonth, @RequestParam(required = false) Double capacityPerMonth,
            @RequestParam(required = false) String basis) {
        requireGrowth(demandGrowthPercent);
        requireInRange("extraCapacityPerMonth", extraCapacityPerMonth, -MAX_PER_MONTH, MAX_PER_MONTH, "patients a month");
        requirePerMonth("demandPerMonth", demandPerMonth);
        requirePerMonth("capacityPerMonth", capacityPerMonth);
        return planning.project(area, test, start, months, demandGrowthPercent, extraCapacityPerMonth, demandPerMonth,
                capacityPerMonth, basis(basis));
    }

    @GetMapping("/backlog-clearance")
    BacklogClearance backlogClearance(@RequestParam(required = false) String area,
            @RequestParam(required = false) String test, @RequestParam(required = false) YearMonth start,
            @RequestParam(required = false) YearMonth by, @RequestParam(defaultValue = "0") double demandGrowthPercent,
            @RequestParam(required = false) Double demandPerMonth, @RequestParam(required = false) Double capacityPerMonth,
            @RequestParam(required = false) String basis) {
        requireGrowth(demandGrowthPercent);
        requirePerMonth("demandPerMonth", demandPerMonth);
        requirePerMonth("capacityPerMonth", capacityPerMonth);
        return planning.clearBacklog(area, test, start, by, demandGrowthPercent, demandPerMonth, capacityPerMonth,
                basis(basis));
    }

    @GetMapping("/targets")
    Targets targets(@RequestParam(required = false) String area, @RequestParam(required = false) String test,
            @RequestParam(required = false) YearMonth start, @RequestParam(required = false) Double demandPerWeek,
            @RequestParam(defaultValue = "6") double targetWaitWeeks, @RequestParam(defaultValue = "1") double variability,
            @RequestParam(required = false) String basis) {
        if (demandPerWeek != null) {
            requireInRange("demandPerWeek", demandPerWeek, 0, MAX_PER_WEEK, "patients a week");
        }
        requireFinite("targetWaitWeeks", targetWaitWeeks, "more than 0 and at most " + format(MAX_TARGET_WAIT_WEEKS)
                + " weeks");
        if (targetWaitWeeks <= 0 || targetWaitWeeks > MAX_TARGET_WAIT_WEEKS) {
            throw new InvalidInputException("targetWaitWeeks", "Must be more than 0 and at most "
                    + format(MAX_TARGET_WAIT_WEEKS) + " weeks; the DM01 standard is 6.");
        }
        requireInRange("variability", variability, 0, MAX_VARIABILITY, "(1 is the usual default)");
        return planning.targets(area, test, start, demandPerWeek, targetWaitWeeks, variability, basis(basis));
    }

    private static Basis basis(String value) {
        if (value == null || value.isBlank()) {
            return Basis.REPORTED;
        }
        try {
            return Basis.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("basis", "Send 'reported' or 'current'.");
        }
    }

    /** Rejects a yearly growth that is not a number, infinite, at most -100% (demand would vanish or turn negative) or absurd. */
    private static void requireGrowth(double percent) {
        String range = "more than -100 and at most " + format(MAX_GROWTH_PERCENT) + " (% a year)";
        requireFinite("demandGrowthPercent", percent, range);
        if (percent <= -100 || percent > MAX_GROWTH_PERCENT) {
            throw new InvalidInputException("demandGrowthPercent", "Must be " + range + "; " + format(percent)
                    + " is outside it.");
        }
    }

    private static void requirePerMonth(String field, Double value) {
        if (value != null) {
            requireInRange(field, value, 0, MAX_PER_MONTH, "patients a month");
        }
    }

    private static void requireInRange(String field, double value, double min, double max, String unit) {
        String range = "from " + format(min) + " to " + format(max) + " " + unit;
        requireFinite(field, value, range);
        if (value < min || value > max) {
            throw new InvalidInputException(field, "Must be " + range + "; " + format(value) + " is outside it.");
        }
    }

    /** Rejects NaN and infinities, which Spring binds from "NaN", "Infinity" or "1e400". */
    private static void requireFinite(String field, double value, String range) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(field, "Must be a finite number " + range + ", not " + value + ".");
        }
    }

    private static String format(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
