package org.camrin.workforce.plan.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Integrated Care Systems the network's trusts belong to, by the ONS code of their Integrated Care Board. */
public enum IntegratedCareSystem {

    CHESHIRE_AND_MERSEYSIDE("E54000008", "NHS Cheshire and Merseyside Integrated Care Board");

    private final String code;
    private final String boardName;

    IntegratedCareSystem(String code, String boardName) {
        this.code = code;
        this.boardName = boardName;
    }

    public String code() {
        return code;
    }

    public String boardName() {
        return boardName;
    }

    public static Optional<IntegratedCareSystem> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(ics -> ics.code.equals(wanted)).findFirst();
    }

    /** Returns the codes joined for error messages. */
    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(IntegratedCareSystem::code).toList());
    }
}
