package org.camrin.pathway.patient.identity;

import org.camrin.support.web.InvalidInputException;

/**
 * Checks an NHS number: ten digits whose last is the modulus 11 check digit of the first nine
 * (weights 10 down to 2; a remainder giving 11 means 0, and 10 means the number is invalid).
 *
 * <p>Error messages never repeat the number, because it is personal data.
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** Returns the ten digits with spaces removed, or raises 400 naming {@code field}. */
    public static String requireValid(String field, String candidate) {
        if (candidate == null || candidate.isBlank()) {
            throw new InvalidInputException(field, "Send the patient's NHS number: 10 digits.");
        }
        String digits = candidate.replace(" ", "");
        if (!digits.matches("\\d{10}")) {
            throw new InvalidInputException(field, "An NHS number has exactly 10 digits (spaces allowed); "
                    + "the value sent does not.");
        }
        if (!hasValidCheckDigit(digits)) {
            throw new InvalidInputException(field, "The NHS number fails its modulus 11 check digit; "
                    + "check it for a mistyped digit.");
        }
        return digits;
    }

    /** Checks whether free text contains ten digits, optionally grouped 3-3-4, that form a valid NHS number. */
    public static boolean appearsIn(String text) {
        java.util.regex.Matcher candidates = java.util.regex.Pattern
                .compile("(?<!\\d)\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?!\\d)").matcher(text);
        while (candidates.find()) {
            if (hasValidCheckDigit(candidates.group().replaceAll("[ -]", ""))) {
                return true;
            }
        }
        return false;
    }

    static boolean hasValidCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
