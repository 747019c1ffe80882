package org.camrin.support.web;

/**
 * A request value that breaks a rule of the domain. Answered with 400 and a problem detail that
 * names the field and the fix, and nothing is changed.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
