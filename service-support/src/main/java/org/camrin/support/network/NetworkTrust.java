package org.camrin.support.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The 12 member trusts of the Cheshire and Merseyside Radiology Imaging Network, by NHS ODS code.
 */
public enum NetworkTrust {

    RBS("Alder Hey Children's NHS Foundation Trust"),
    RJR("Countess of Chester Hospital NHS Foundation Trust"),
    RBQ("Liverpool Heart and Chest Hospital NHS Foundation Trust"),
    REM("Liverpool University Hospitals NHS Foundation Trust"),
    REP("Liverpool Women's NHS Foundation Trust"),
    RBT("Mid Cheshire Hospitals NHS Foundation Trust"),
    RBN("St Helens and Knowsley Teaching Hospitals NHS Trust"),
    RVY("Southport and Ormskirk Hospital NHS Trust"),
    REN("The Clatterbridge Cancer Centre NHS Foundation Trust"),
    RET("The Walton Centre NHS Foundation Trust"),
    RWW("Warrington and Halton Teaching Hospitals NHS Foundation Trust"),
    RBL("Wirral University Teaching Hospital NHS Foundation Trust");

    private final String trustName;

    NetworkTrust(String trustName) {
        this.trustName = trustName;
    }

    public String odsCode() {
        return name();
    }

    public String trustName() {
        return trustName;
    }

    /** Finds a member trust by ODS code, ignoring case. */
    public static Optional<NetworkTrust> fromOdsCode(String odsCode) {
        if (odsCode == null) {
            return Optional.empty();
        }
        String wanted = odsCode.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(trust -> trust.name().equals(wanted)).findFirst();
    }

    /** Returns the ODS codes of all member trusts, for error messages. */
    public static String odsCodes() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
