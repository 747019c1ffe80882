package org.camrin.infra.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StackMainTest {

    @Test
    void rejectsUnknownPart() {
        assertThatThrownBy(() -> StackMain.start(new String[] {"redis"}))
                .isInstanceOf(StackOptions.InvalidOptionException.class)
                .hasMessage("Unknown PART: redis");
    }

    @Test
    void rejectsMissingDataOption() {
        assertThatThrownBy(() -> StackMain.start(new String[] {"mongo", "--port", "27017"}))
                .isInstanceOf(StackOptions.InvalidOptionException.class)
                .hasMessage("Missing option --data");
    }

    @Test
    void rejectsInvalidPort() {
        assertThatThrownBy(() -> StackMain.start(new String[] {"kafka", "--port", "90920", "--data", "x"}))
                .isInstanceOf(StackOptions.InvalidOptionException.class)
                .hasMessage("Invalid --port: 90920 is outside 1 to 65535");
    }

    @Test
    void rejectsOptionOfAnotherPart() {
        assertThatThrownBy(() -> StackMain.start(new String[] {"postgres", "--controller-port", "9093"}))
                .isInstanceOf(StackOptions.InvalidOptionException.class)
                .hasMessage("Unknown option: --controller-port");
    }

    @Test
    void rejectsOptionWithoutValue() {
        assertThatThrownBy(() -> StackMain.start(new String[] {"postgres", "--data"}))
                .isInstanceOf(StackOptions.InvalidOptionException.class)
                .hasMessage("Missing value for option --data");
    }
}
