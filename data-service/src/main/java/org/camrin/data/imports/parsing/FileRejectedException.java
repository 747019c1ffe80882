package org.camrin.data.imports.parsing;

/** A file that cannot be imported at all: empty, of an unknown layout, not readable as CSV or of an invalid period. */
public class FileRejectedException extends RuntimeException {

    private final String field;

    public FileRejectedException(String message) {
        this("file", message);
    }

    /** A rejection caused by a request value other than the file's content, such as {@code period}. */
    public FileRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field to name in the problem: {@code file} unless another value caused the rejection. */
    public String field() {
        return field;
    }
}
