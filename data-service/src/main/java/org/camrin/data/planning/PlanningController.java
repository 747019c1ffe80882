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
        requireNonNegative("demandPerMonth", demandPerMonth);
        requireNonNegative("capacityPerMonth", capacityPerMonth);
        return planning.project(area, test, start, months, demandGrowthPercent, extraCapacityPerMonth, demandPerMonth,
                capacityPerMonth, basis(basis));
    }

    @GetMapping("/backlog-clearance")
    BacklogClearance backlogClearance(@RequestParam(required = false) String area,
            @RequestParam(required = false) String test, @RequestParam(required = false) YearMonth start,
            @RequestParam(required = false) YearMonth by, @RequestParam(defaultValue = "0") double demandGrowthPercent,
            @RequestParam(required = false) Double demandPerMonth, @RequestParam(required = false) Double capacityPerMonth,
            @RequestParam(required = false) String basis) {
        requireNonNegative("demandPerMonth", demandPerMonth);
        requireNonNegative("capacityPerMonth", capacityPerMonth);
        return planning.clearBacklog(area, test, start, by, demandGrowthPercent, demandPerMonth, capacityPerMonth,
                basis(basis));
    }

    @GetMapping("/targets")
    Targets targets(@RequestParam(required = false) String area, @RequestParam(required = false) String test,
            @RequestParam(required = false) YearMonth start, @RequestParam(required = false) Double demandPerWeek,
            @RequestParam(defaultValue = "6") double targetWaitWeeks, @RequestParam(defaultValue = "1") double variability,
            @RequestParam(required = false) String basis) {
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

    private static void requireNonNegative(String field, Double value) {
        if (value != null && value < 0) {
            throw new InvalidInputException(field, "Must not be negative.");
        }
    }
}
