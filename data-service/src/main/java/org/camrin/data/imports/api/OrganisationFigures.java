package org.camrin.data.imports.api;

import java.util.List;

/**
 * One organisation's figures for one month from one file, already added up over commissioners.
 *
 * @param odsCode the reporting organisation's ODS code, as in the file
 * @param name    the organisation's name, as in the file
 * @param period  the month, as {@code YYYY-MM}
 * @param total   counts over all diagnostic tests
 * @param tests   counts per diagnostic test; empty when the file has no test breakdown
 */
public record OrganisationFigures(String odsCode, String name, String period, Counts total, List<TestCounts> tests) {

    public OrganisationFigures {
        tests = tests == null ? List.of() : List.copyOf(tests);
    }

    /** Counts of one diagnostic test, named as in the DM01 extract (for example {@code MRI}). */
    public record TestCounts(String test, Counts counts) {
    }
}
