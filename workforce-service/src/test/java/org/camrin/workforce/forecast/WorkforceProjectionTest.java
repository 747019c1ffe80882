package org.camrin.workforce.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.camrin.workforce.forecast.WorkforceProjection.ProjectedYear;
import org.junit.jupiter.api.Test;

/** The projection against a case worked by hand; the arithmetic sits beside each expected value. */
class WorkforceProjectionTest {

    private static final YearMonth BASE = YearMonth.of(2026, 3);

    @Test
    void projectionMatchesHandWorkedCase() {
        // 100 WTE in post from 100 people, 110 WTE funded; 10 joiners and 8 leavers over the last
        // year from an average of 100 people: turnover 8%, joiners 10 WTE a year.
        StaffGroupBaseline baseline = new StaffGroupBaseline(110, 100, 100, 10, 8, 100);
        PlannedEffect apprentices = new PlannedEffect("i-1", "Apprentices", "diagnostic-radiographers",
                YearMonth.of(2027, 9), 5);

        List<ProjectedYear> years = WorkforceProjection.project(baseline, List.of(apprentices), BASE, 3);

        // Year 1 (April 2026 to March 2027): 100 - 8 + 10 = 102
        assertThat(years.get(0).staffInPostWte()).isEqualTo(102.0);
        assertThat(years.get(0).leaversWte()).isEqualTo(8.0);
        assertThat(years.get(0).initiativesWte()).isZero();
        assertThat(years.get(0).gapWte()).isEqualTo(8.0);
        assertThat(years.get(0).endsWith()).isEqualTo(YearMonth.of(2027, 3));
        // Year 2: 102 - 8.16 + 10 + 5 (the apprentices qualify in September 2027) = 108.84
        assertThat(years.get(1).staffInPostWte()).isEqualTo(108.84);
        assertThat(years.get(1).leaversWte()).isEqualTo(8.16);
        assertThat(years.get(1).initiativesWte()).isEqualTo(5.0);
        // Year 3: 108.84 - 8.7072 + 10 = 110.1328, just above the 110 funded
        assertThat(years.get(2).staffInPostWte()).isEqualTo(110.13);
        assertThat(years.get(2).gapWte()).isEqualTo(-0.13);
        assertThat(years.get(2).establishmentWte()).isEqualTo(110.0);
    }

    @Test
    void joinersConvertedAtWtePerHead() {
        // 40 WTE from 50 people is 0.8 WTE a head, so 5 joiners bring 4 WTE. No one leaves.
        StaffGroupBaseline baseline = new StaffGroupBaseline(50, 40, 50, 5, 0, 50);

        List<ProjectedYear> years = WorkforceProjection.project(baseline, List.of(), BASE, 1);

        assertThat(years.get(0).joinersWte()).isEqualTo(4.0);
        assertThat(years.get(0).staffInPostWte()).isEqualTo(44.0);
    }

    @Test
    void effectBeforeBaseMonthIgnored() {
        StaffGroupBaseline baseline = new StaffGroupBaseline(10, 10, 10, 0, 0, 10);
        PlannedEffect past = new PlannedEffect("i-2", "Past", "sonographers", YearMonth.of(2026, 3), 3);

        List<ProjectedYear> years = WorkforceProjection.project(baseline, List.of(past), BASE, 2);

        assertThat(years.get(0).staffInPostWte()).isEqualTo(10.0);
        assertThat(years.get(1).staffInPostWte()).isEqualTo(10.0);
    }
}
