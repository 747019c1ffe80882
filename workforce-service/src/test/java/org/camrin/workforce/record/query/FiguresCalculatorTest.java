package org.camrin.workforce.record.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.camrin.workforce.record.api.Leavers;
import org.camrin.workforce.record.api.MonthlyFigures;
import org.junit.jupiter.api.Test;

/** Figures checked against values worked out by hand; each expected value shows its arithmetic. */
class FiguresCalculatorTest {

    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    /** Wirral radiographers over three months. */
    private static NavigableMap<YearMonth, MonthlyFigures> wirral() {
        NavigableMap<YearMonth, MonthlyFigures> returns = new TreeMap<>();
        returns.put(JANUARY, new MonthlyFigures(50, 45, 48, 5.0, 2, 1, 1, new Leavers(1, 0, 0, 0), 3));
        returns.put(FEBRUARY, new MonthlyFigures(50, 44, 47, 6.0, 3, 1, 0, new Leavers(0, 1, 0, 0), 3));
        returns.put(MARCH, new MonthlyFigures(52, 46, 49, 6.0, 1, 0, 3, new Leavers(0, 0, 1, 0), 2));
        return returns;
    }

    /** Liverpool radiographers with a single return in March. */
    private static NavigableMap<YearMonth, MonthlyFigures> liverpool() {
        NavigableMap<YearMonth, MonthlyFigures> returns = new TreeMap<>();
        returns.put(MARCH, new MonthlyFigures(20, 20, 20, 0.0, 0, 0, 0, Leavers.NONE, 0));
        return returns;
    }

    @Test
    void oneRecordAsAtMarch() {
        WorkforceFigures figures = FiguresCalculator.of(wirral(), MARCH);

        assertThat(figures.establishmentWte()).isEqualTo(52);
        assertThat(figures.staffInPostWte()).isEqualTo(46);
        assertThat(figures.vacancyWte()).isEqualTo(6);
        // 6 / 52 = 11.54%
        assertThat(figures.vacancyRate()).isEqualTo(11.5);
        // (1 + 0) / (46 + 1 + 0) = 2.13%
        assertThat(figures.bankAgencyShare()).isEqualTo(2.1);
        assertThat(figures.joiners()).isEqualTo(3);
        assertThat(figures.leavers().total()).isEqualTo(1);
        assertThat(figures.netFlow()).isEqualTo(2);
        // joiners 1 + 0 + 3, leavers 1 + 1 + 1
        assertThat(figures.joiners12Months()).isEqualTo(4);
        assertThat(figures.leavers12Months()).isEqualTo(new Leavers(1, 1, 1, 0));
        assertThat(figures.netFlow12Months()).isEqualTo(1);
        // average headcount (48 + 47 + 49) / 3 = 48; turnover 3 / 48 = 6.25%
        assertThat(figures.averageHeadcount12Months()).isEqualTo(48);
        assertThat(figures.turnoverRate12Months()).isEqualTo(6.3);
        assertThat(figures.trainees()).isEqualTo(2);
    }

    @Test
    void oneRecordAsAtFebruary() {
        WorkforceFigures figures = FiguresCalculator.of(wirral(), FEBRUARY);

        // 6 / 50
        assertThat(figures.vacancyRate()).isEqualTo(12.0);
        // (3 + 1) / (44 + 3 + 1) = 8.33%
        assertThat(figures.bankAgencyShare()).isEqualTo(8.3);
        // leavers 2, average headcount (48 + 47) / 2 = 47.5: 4.21%
        assertThat(figures.turnoverRate12Months()).isEqualTo(4.2);
        assertThat(figures.netFlow()).isEqualTo(-1);
    }

    @Test
    void monthWithoutReturnCarriesPositionsButNoFlows() {
        WorkforceFigures figures = FiguresCalculator.of(wirral(), YearMonth.of(2026, 4));

        assertThat(figures.establishmentWte()).isEqualTo(52);
        assertThat(figures.staffInPostWte()).isEqualTo(46);
        assertThat(figures.joiners()).isZero();
        assertThat(figures.netFlow()).isZero();
        assertThat(figures.turnoverRate12Months()).isEqualTo(6.3);
    }

    @Test
    void windowDropsMonthsOlderThanTwelve() {
        // January 2027's window is February 2026 to January 2027: leavers 1 + 1, headcount (47 + 49) / 2 = 48.
        WorkforceFigures figures = FiguresCalculator.of(wirral(), YearMonth.of(2027, 1));

        assertThat(figures.leavers12Months().total()).isEqualTo(2);
        assertThat(figures.turnoverRate12Months()).isEqualTo(4.2);
    }

    @Test
    void monthBeforeFirstReturnHasNoFigures() {
        WorkforceFigures figures = FiguresCalculator.of(wirral(), YearMonth.of(2025, 12));

        assertThat(figures.recordsIncluded()).isZero();
        assertThat(figures.vacancyRate()).isNull();
        assertThat(figures.turnoverRate12Months()).isNull();
        assertThat(figures.bankAgencyShare()).isNull();
    }

    @Test
    void sumTakesRatesFromTotals() {
        WorkforceFigures figures = FiguresCalculator.sum(List.of(wirral(), liverpool()), MARCH);

        assertThat(figures.recordsIncluded()).isEqualTo(2);
        assertThat(figures.establishmentWte()).isEqualTo(72);
        assertThat(figures.staffInPostWte()).isEqualTo(66);
        // 6 / 72 = 8.33%, not the mean of 11.5% and 0%
        assertThat(figures.vacancyRate()).isEqualTo(8.3);
        // 1 / (66 + 1) = 1.49%
        assertThat(figures.bankAgencyShare()).isEqualTo(1.5);
        // 3 leavers / (48 + 20) = 4.41%
        assertThat(figures.turnoverRate12Months()).isEqualTo(4.4);
    }

    @Test
    void correctedEarlierMonthChangesLaterFigures() {
        NavigableMap<YearMonth, MonthlyFigures> corrected = wirral();
        corrected.put(JANUARY, new MonthlyFigures(50, 45, 48, 5.0, 2, 1, 1, new Leavers(3, 0, 0, 0), 3));

        WorkforceFigures figures = FiguresCalculator.of(corrected, MARCH);

        // leavers 3 + 1 + 1 = 5 over headcount 48: 10.42%
        assertThat(figures.leavers12Months().total()).isEqualTo(5);
        assertThat(figures.turnoverRate12Months()).isEqualTo(10.4);
    }
}
