package org.camrin.workforce.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Projects staff in post of one staff group year by year, from its recent joiners and leavers and
 * the planned effects of initiatives.
 *
 * <p>Each projected year starts from the previous year's staff in post, loses the 12-month
 * turnover rate of it, gains the last 12 months' joiners converted to WTE at the base month's WTE
 * per head, and gains the planned effects that land within the year. Establishment stays at the
 * base month's value.
 */
final class WorkforceProjection {

    private WorkforceProjection() {
    }

    /**
     * @param year                  1 for the 12 months after the base month
     * @param leaversWte            WTE lost to turnover in the year
     * @param joinersWte            WTE gained from joiners in the year
     * @param initiativesWte        WTE gained from initiatives planned to end in the year
     * @param gapWte                establishment minus staff in post; negative when staff in post exceeds it
     */
    record ProjectedYear(int year, YearMonth endsWith, double staffInPostWte, double establishmentWte,
            double leaversWte, double joinersWte, double initiativesWte, double gapWte) {
    }

    static List<ProjectedYear> project(StaffGroupBaseline baseline, List<PlannedEffect> effects, YearMonth baseMonth,
            int years) {
        double turnover = baseline.averageHeadcount12Months() > 0
                ? baseline.leavers12Months() / baseline.averageHeadcount12Months() : 0;
        double wtePerHead = baseline.staffInPostHeadcount() > 0
                ? baseline.staffInPostWte() / baseline.staffInPostHeadcount() : 1;
        double joinersWte = baseline.joiners12Months() * wtePerHead;

        List<ProjectedYear> projected = new ArrayList<>();
        double staffInPost = baseline.staffInPostWte();
        for (int year = 1; year <= years; year++) {
            YearMonth from = baseMonth.plusMonths(12L * (year - 1) + 1);
            YearMonth to = baseMonth.plusMonths(12L * year);
            double initiatives = effects.stream()
                    .filter(effect -> !effect.landsIn().isBefore(from) && !effect.landsIn().isAfter(to))
                    .mapToDouble(PlannedEffect::wte).sum();
            double leavers = staffInPost * turnover;
            staffInPost = Math.max(0, staffInPost - leavers + joinersWte + initiatives);
            projected.add(new ProjectedYear(year, to, round(staffInPost), round(baseline.establishmentWte()),
                    round(leavers), round(joinersWte), round(initiatives),
                    round(baseline.establishmentWte() - staffInPost)));
        }
        return projected;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
