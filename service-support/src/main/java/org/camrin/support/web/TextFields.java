package org.camrin.support.web;

/** Checks free-text command fields the same way in every aggregate: trimmed and bounded in length. */
public final class TextFields {

    private TextFields() {
    }

    /**
     * Returns the trimmed value.
     *
     * @throws InvalidInputException naming the field when the value is blank or longer than {@code maxLength}
     */
    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Must not be blank.");
        }
        return optional(field, value, maxLength);
    }

    /**
     * Returns the trimmed value, or an empty string for a missing one.
     *
     * @throws InvalidInputException naming the field when the value is longer than {@code maxLength}
     */
    public static String optional(String field, String value, int maxLength) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field, "Must be at most " + maxLength + " characters, but has "
                    + trimmed.length() + ".");
        }
        return trimmed;
    }
}
