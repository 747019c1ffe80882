package org.camrin.data.imports.parsing;

import java.time.YearMonth;

import org.camrin.data.imports.api.Counts;

/**
 * One valid row.
 *
 * @param key  what makes the row unique in its file, used to find duplicates
 * @param test the diagnostic test, or null when the format has no test column
 */
record ParsedRow(String key, String odsCode, String name, YearMonth period, String test, Counts counts) {
}
