package org.camrin.data.figures.query;

import java.time.YearMonth;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The diagnostic waiting standard: the share of the waiting list allowed to wait 6 weeks or
 * more, from {@code camrin.data.standard}.
 *
 * @param defaultShare     the share where no year overrides it; the constitutional standard is 1%
 * @param byFinancialYear  overrides keyed by the calendar year in which an NHS financial year
 *                         starts (2024 means April 2024 to March 2025), as fractions such as 0.05
 */
@ConfigurationProperties("camrin.data.standard")
public record StandardProperties(Double defaultShare, Map<Integer, Double> byFinancialYear) {

    public StandardProperties {
        defaultShare = defaultShare == null ? 0.01 : defaultShare;
        byFinancialYear = byFinancialYear == null ? Map.of() : Map.copyOf(byFinancialYear);
    }

    /** The standard in force for a month. */
    public double shareFor(YearMonth period) {
        int financialYear = period.getMonthValue() >= 4 ? period.getYear() : period.getYear() - 1;
        return byFinancialYear.getOrDefault(financialYear, defaultShare);
    }
}
