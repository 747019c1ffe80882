package org.camrin.data.imports.parsing;

/** A file that cannot be imported at all: empty, of an unknown layout, or not readable as CSV. */
public class FileRejectedException extends RuntimeException {

    public FileRejectedException(String message) {
        super(message);
    }
}
