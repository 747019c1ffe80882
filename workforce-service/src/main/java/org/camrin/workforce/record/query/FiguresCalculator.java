package org.camrin.workforce.record.query;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.camrin.workforce.record.api.Leavers;
import org.camrin.workforce.record.api.MonthlyFigures;

/**
 * Derives the figures as at a month from monthly returns. Because it reads the returns as they
 * stand after all corrections, a correction of an earlier month changes every later month that
 * carries its positions forward or has it inside its 12-month window.
 */
public final class FiguresCalculator {

    static final int WINDOW_MONTHS = 12;

    private FiguresCalculator() {
    }

    /** Figures of one record as at {@code month}. */
    public static WorkforceFigures of(NavigableMap<YearMonth, MonthlyFigures> returns, YearMonth month) {
        return sum(List.of(returns), month);
    }

    /** Figures of several records added together as at {@code month}. */
    public static WorkforceFigures sum(Collection<NavigableMap<YearMonth, MonthlyFigures>> records, YearMonth month) {
        Totals totals = new Totals();
        for (NavigableMap<YearMonth, MonthlyFigures> returns : records) {
            totals.add(returns, month);
        }
        return totals.toFigures();
    }

    /** Convenience for series read from the query store. */
    public static WorkforceFigures sumSeries(Collection<WorkforceSeries> series, YearMonth month) {
        return sum(series.stream().map(WorkforceSeries::byMonth).toList(), month);
    }

    /** The latest month with a return in any of the series, or null when none has one. */
    public static YearMonth latestMonth(Collection<WorkforceSeries> series) {
        return series.stream()
                .map(WorkforceSeries::byMonth)
                .filter(returns -> !returns.isEmpty())
                .map(NavigableMap::lastKey)
                .max(YearMonth::compareTo)
                .orElse(null);
    }

    /** Running sums over records; rates are taken from the sums, never averaged. */
    private static final class Totals {
        double establishment;
        double staffInPostWte;
        int headcount;
        double vacancies;
        double bank;
        double agency;
        int trainees;
        int joiners;
        Leavers leavers = Leavers.NONE;
        int joiners12;
        Leavers leavers12 = Leavers.NONE;
        double averageHeadcount12;
        int records;

        void add(NavigableMap<YearMonth, MonthlyFigures> returns, YearMonth month) {
            Map.Entry<YearMonth, MonthlyFigures> latest = returns.floorEntry(month);
            if (latest == null) {
                return;
            }
            records++;
            MonthlyFigures position = latest.getValue();
            establishment += position.establishmentWte();
            staffInPostWte += position.staffInPostWte();
            headcount += position.staffInPostHeadcount();
            vacancies += position.vacancies();
            bank += position.bankWte();
            agency += position.agencyWte();
            trainees += position.trainees();

            MonthlyFigures ofMonth = returns.get(month);
            if (ofMonth != null) {
                joiners += ofMonth.joiners();
                leavers = leavers.plus(ofMonth.leavers());
            }

            NavigableMap<YearMonth, MonthlyFigures> window =
                    returns.subMap(month.minusMonths(WINDOW_MONTHS - 1), true, month, true);
            int headcountTotal = 0;
            for (MonthlyFigures figures : window.values()) {
                joiners12 += figures.joiners();
                leavers12 = leavers12.plus(figures.leavers());
                headcountTotal += figures.staffInPostHeadcount();
            }
            if (!window.isEmpty()) {
                averageHeadcount12 += (double) headcountTotal / window.size();
            }
        }

        WorkforceFigures toFigures() {
            double worked = staffInPostWte + bank + agency;
            return new WorkforceFigures(round2(establishment), round2(staffInPostWte), headcount, round2(vacancies),
                    round2(bank), round2(agency), trainees,
                    joiners, leavers, joiners - leavers.total(),
                    joiners12, leavers12, joiners12 - leavers12.total(), round2(averageHeadcount12),
                    percentage(vacancies, establishment),
                    percentage(leavers12.total(), averageHeadcount12),
                    percentage(bank + agency, worked),
                    records);
        }
    }

    private static Double percentage(double part, double whole) {
        if (whole <= 0) {
            return null;
        }
        return Math.round(part / whole * 1000) / 10.0;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
