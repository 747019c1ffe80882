package org.camrin.data.imports.parsing;

/** One row that fails validation; the reader records it and moves on to the next row. */
final class RowRejectedException extends Exception {

    private final boolean fatal;

    RowRejectedException(String reason) {
        this(reason, true);
    }

    RowRejectedException(String reason, boolean fatal) {
        super(reason, null, false, false);
        this.fatal = fatal;
    }

    boolean fatal() {
        return fatal;
    }
}
