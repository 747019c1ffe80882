package org.camrin.data.imports.parsing;

/**
 * A row left out of an import, with the reason in words.
 *
 * @param line  the row's line number in the file, the header being line 1
 * @param fatal whether the row makes a strict import reject the whole file; only recognised
 *              TOTAL rows are not fatal, because they repeat the sum of other rows
 */
public record RowRejection(long line, String reason, boolean fatal) {
}
