package org.camrin.data.figures.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camrin.data.imports.api.Counts;
import org.camrin.data.imports.api.OrganisationFigures;
import org.camrin.data.imports.api.OrganisationFigures.TestCounts;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reporting organisation's figures for one month, read by {@code ODS|YYYY-MM}, for example
 * {@code REM|2020-12}.
 *
 * @param appliedImports ids of the imports merged in, so an import handled twice after a retry
 *                       is applied once; bounded by the number of files that cover the month
 */
@Document(OrganisationMonthView.COLLECTION)
public record OrganisationMonthView(@Id String id, String odsCode, String name, String period, Counts total,
        List<TestCounts> tests, List<String> appliedImports) {

    static final String COLLECTION = "organisation_months";

    static String idOf(String odsCode, String period) {
        return odsCode + "|" + period;
    }

    static OrganisationMonthView empty(String odsCode, String period) {
        return new OrganisationMonthView(idOf(odsCode, period), odsCode, null, period, Counts.NONE, List.of(), List.of());
    }

    /**
     * Merges a later file's figures: each count the later file carries replaces the earlier one,
     * and counts it lacks (activity in a provider-level file, say) are kept.
     */
    OrganisationMonthView merge(String importId, OrganisationFigures figures) {
        Map<String, Counts> byTest = new LinkedHashMap<>();
        tests.forEach(test -> byTest.put(test.test(), test.counts()));
        figures.tests().forEach(test -> byTest.merge(test.test(), test.counts(), Counts::overriddenBy));
        List<TestCounts> mergedTests = new ArrayList<>();
        byTest.forEach((test, counts) -> mergedTests.add(new TestCounts(test, counts)));

        List<String> imports = new ArrayList<>(appliedImports);
        imports.add(importId);
        return new OrganisationMonthView(id, odsCode, figures.name(), period, total.overriddenBy(figures.total()),
                List.copyOf(mergedTests), List.copyOf(imports));
    }
}
