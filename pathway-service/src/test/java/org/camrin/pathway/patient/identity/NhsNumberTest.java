package org.camrin.pathway.patient.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camrin.support.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "943 476 5919", "9434765870"})
    void validNumbersAccepted(String number) {
        assertThat(NhsNumber.requireValid("nhsNumber", number)).hasSize(10).doesNotContain(" ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "943476591", "94347659190", "94347659A9", ""})
    void invalidNumbersRejectedWithoutEcho(String number) {
        assertThatThrownBy(() -> NhsNumber.requireValid("nhsNumber", number))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain(number.isEmpty() ? "\u0000" : number));
    }

    @Test
    void checkDigitTenRejected() {
        // 123456789 weights to a remainder of 1, so the check digit would be 10: no valid number.
        assertThat(NhsNumber.hasValidCheckDigit("1234567890")).isFalse();
    }

    @Test
    void numberFoundInText() {
        assertThat(NhsNumber.appearsIn("Duplicate of 943-476-5919")).isTrue();
        assertThat(NhsNumber.appearsIn("Ward 12, bed 4")).isFalse();
    }
}
