package org.camrin.data.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;

import org.camrin.data.planning.WaitingListFormulas.ProjectedMonth;
import org.junit.jupiter.api.Test;

/** Results checked against cases worked by hand. */
class WaitingListFormulasTest {

    @Test
    void targetCapacityPackageExample() {
        // 30 a week, 52-week target, F = 3: 30 + 2(1 + 12)/52 = 30.5.
        assertThat(WaitingListFormulas.targetCapacity(30, 52, 3)).isCloseTo(30.5, within(1e-12));
    }

    @Test
    void targetCapacityDiagnosticStandard() {
        // 1000 a week, 6-week target, F = 1: 1000 + 2(1 + 4)/6 = 1001.666...
        assertThat(WaitingListFormulas.targetCapacity(1000, 6, 1)).isCloseTo(1001 + 2.0 / 3, within(1e-9));
    }

    @Test
    void targetQueueSizeIsQuarterOfTargetWait() {
        // 30 a week x 52 weeks / 4 = 390; 1000 a week x 6 weeks / 4 = 1500.
        assertThat(WaitingListFormulas.targetQueueSize(30, 52)).isEqualTo(390.0);
        assertThat(WaitingListFormulas.targetQueueSize(1000, 6)).isEqualTo(1500.0);
    }

    @Test
    void projectionWithoutGrowth() {
        // 1000 waiting, demand 100, capacity 90 + 5 extra: the list grows by 5 a month.
        List<ProjectedMonth> months = WaitingListFormulas.project(YearMonth.of(2020, 12), 1000, 100.0, 90.0, 0, 3, 0, 5);

        assertThat(months).extracting(ProjectedMonth::period).containsExactly("2021-01", "2021-02", "2021-03");
        assertThat(months).extracting(ProjectedMonth::waitingList).containsExactly(1005.0, 1010.0, 1015.0);
        assertThat(months.get(0).capacity()).isEqualTo(95.0);
    }

    @Test
    void projectionWithGrowthCompoundsMonthly() {
        // 10% a year: month 12 demand is 110, month 6 is 100 x sqrt(1.1) = 104.88.
        List<ProjectedMonth> months = WaitingListFormulas.project(YearMonth.of(2020, 12), 0, 100.0, 100.0, 0, 12, 10, 0);

        assertThat(months.get(11).demand()).isCloseTo(110.0, within(1e-9));
        assertThat(months.get(5).demand()).isCloseTo(104.8809, within(1e-4));
        assertThat(months.get(0).waitingList()).isCloseTo(100 * (Math.pow(1.1, 1 / 12.0) - 1), within(1e-9));
    }

    @Test
    void projectionNeverBelowZero() {
        // 50 waiting, demand 100, capacity 200: the list empties in the first month and stays empty.
        List<ProjectedMonth> months = WaitingListFormulas.project(YearMonth.of(2020, 12), 50, 100.0, 200.0, 0, 2, 0, 0);

        assertThat(months).extracting(ProjectedMonth::waitingList).containsExactly(0.0, 0.0);
        assertThat(months.get(0).netChange()).isEqualTo(-50.0);
    }

    @Test
    void projectionFromNetChangeOnly() {
        // No activity: the list moves by the observed +40 a month less 10 extra capacity.
        List<ProjectedMonth> months = WaitingListFormulas.project(YearMonth.of(2020, 12), 1000, null, null, 40, 2, 0, 10);

        assertThat(months).extracting(ProjectedMonth::waitingList).containsExactly(1030.0, 1060.0);
        assertThat(months.get(0).demand()).isNull();
    }

    @Test
    void backlogClearanceSpreadsBacklogAndStopsGrowth() {
        // 600 waiting 6+ weeks over 6 months is 100 a month, plus 10 a month of growth.
        assertThat(WaitingListFormulas.extraCapacityToClear(600, 6, 10)).isEqualTo(110.0);
        // A shrinking list needs only the backlog share.
        assertThat(WaitingListFormulas.extraCapacityToClear(600, 6, -25)).isEqualTo(100.0);
    }
}
