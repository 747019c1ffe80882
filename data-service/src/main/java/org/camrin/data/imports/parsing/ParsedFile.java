package org.camrin.data.imports.parsing;

import java.util.List;

import org.camrin.data.imports.api.OrganisationFigures;

/**
 * The outcome of reading a whole file: counts of rows and the figures of the network
 * organisations, added up per organisation, month and test.
 *
 * @param rowsRejected      rows left out, TOTAL rows included
 * @param rowsFatal         rejected rows other than TOTAL rows
 * @param rowsOutsideNetwork accepted rows of organisations outside the network
 */
public record ParsedFile(FileFormat format, List<String> periods, long rowsRead, long rowsAccepted,
        long rowsRejected, long rowsFatal, long rowsOutsideNetwork, List<OrganisationFigures> figures) {
}
