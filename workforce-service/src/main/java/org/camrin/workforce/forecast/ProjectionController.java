package org.camrin.workforce.forecast;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camrin.support.web.InvalidInputException;
import org.camrin.workforce.TrustAccess;
import org.camrin.workforce.forecast.WorkforceProjection.ProjectedYear;
import org.camrin.workforce.initiative.query.InitiativeQueries;
import org.camrin.workforce.initiative.query.InitiativeView;
import org.camrin.workforce.record.api.StaffGroup;
import org.camrin.workforce.record.command.WorkforceRecordRules;
import org.camrin.workforce.record.query.FiguresCalculator;
import org.camrin.workforce.record.query.WorkforceFigures;
import org.camrin.workforce.record.query.WorkforceRecordQueries;
import org.camrin.workforce.record.query.WorkforceSeries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Projected staff in post per staff group, for the network or one trust; everyone signed in reads it. */
@RestController
class ProjectionController {

    static final int MAX_YEARS = 20;

    static final List<String> ASSUMPTIONS = List.of(
            "Each year loses the staff group's 12-month turnover rate up to the base month, applied to the "
                    + "staff in post at the start of the year.",
            "Each year gains as many joiners as the 12 months up to the base month, converted to WTE at the "
                    + "base month's WTE per head.",
            "Only months with a return count: with fewer than 12 months of returns, joiners and leavers are "
                    + "those of the months returned, not scaled up to a year.",
            "Initiatives that are PLANNED or IN_PROGRESS add their planned WTE effect in the year their planned "
                    + "end date falls in, shared equally among their staff groups and trusts; proposed, completed "
                    + "and cancelled initiatives add nothing, because a completed one is already in staff in post.",
            "Funded establishment stays at its base month value.");

    private final WorkforceRecordQueries records;
    private final InitiativeQueries initiatives;
    private final Clock clock;

    ProjectionController(WorkforceRecordQueries records, InitiativeQueries initiatives, Clock clock) {
        this.records = records;
        this.initiatives = initiatives;
        this.clock = clock;
    }

    record StaffGroupProjection(String staffGroup, double baseStaffInPostWte, double baseEstablishmentWte,
            Double turnoverRate12Months, int joiners12Months, List<PlannedEffect> initiatives,
            List<ProjectedYear> years) {
    }

    record ProjectionResponse(String scope, YearMonth baseMonth, int years, List<StaffGroupProjection> staffGroups,
            List<String> assumptions) {
    }

    @GetMapping("/api/workforce/projection")
    ProjectionResponse project(@RequestParam(defaultValue = "5") int years,
            @RequestParam(required = false) YearMonth baseMonth, @RequestParam(required = false) String trust) {
        if (years < 1 || years > MAX_YEARS) {
            throw new InvalidInputException("years", "Send a number of years from 1 to " + MAX_YEARS + ", not " + years + ".");
        }
        String odsCode = trust == null ? null : TrustAccess.requireTrust(trust);
        YearMonth base = baseMonth == null ? WorkforceRecordRules.currentMonth(clock) : baseMonth;

        Map<StaffGroup, List<WorkforceSeries>> seriesByGroup = new LinkedHashMap<>();
        if (odsCode == null) {
            records.seriesOfNetwork().values().forEach(groups -> groups.forEach((group, series) ->
                    seriesByGroup.computeIfAbsent(group, ignored -> new ArrayList<>()).add(series)));
        } else {
            records.seriesOfTrust(odsCode).forEach((group, series) -> seriesByGroup.put(group, List.of(series)));
        }
        List<InitiativeView> counted = initiatives.findAll().stream()
                .filter(initiative -> initiative.status().countsTowardsProjection())
                .filter(initiative -> odsCode == null || initiative.trusts().contains(odsCode))
                .toList();

        List<StaffGroupProjection> projections = new ArrayList<>();
        for (StaffGroup group : StaffGroup.values()) {
            List<WorkforceSeries> series = seriesByGroup.getOrDefault(group, List.of());
            WorkforceFigures figures = FiguresCalculator.sumSeries(series, base);
            if (figures.recordsIncluded() == 0) {
                continue;
            }
            StaffGroupBaseline baseline = new StaffGroupBaseline(figures.establishmentWte(), figures.staffInPostWte(),
                    figures.staffInPostHeadcount(), figures.joiners12Months(), figures.leavers12Months().total(),
                    figures.averageHeadcount12Months());
            List<PlannedEffect> effects = effectsOn(group, counted, odsCode);
            projections.add(new StaffGroupProjection(group.id(), figures.staffInPostWte(), figures.establishmentWte(),
                    figures.turnoverRate12Months(), figures.joiners12Months(), effects,
                    WorkforceProjection.project(baseline, effects, base, years)));
        }
        return new ProjectionResponse(odsCode == null ? "network" : odsCode, base, years, projections, ASSUMPTIONS);
    }

    /** Returns the shares of initiatives' planned effects that fall on a staff group, and on one trust when given. */
    static List<PlannedEffect> effectsOn(StaffGroup group, List<InitiativeView> initiatives, String trust) {
        List<PlannedEffect> effects = new ArrayList<>();
        for (InitiativeView initiative : initiatives) {
            if (!initiative.staffGroups().contains(group.id())) {
                continue;
            }
            double share = initiative.plannedWteEffect() / initiative.staffGroups().size();
            if (trust != null) {
                share = share / initiative.trusts().size();
            }
            effects.add(new PlannedEffect(initiative.id(), initiative.title(), group.id(),
                    YearMonth.from(initiative.plannedEndDate()), Math.round(share * 100) / 100.0));
        }
        return effects;
    }
}
