package org.camrin.gateway.portal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The network's 12 trusts by ODS code, for labels. The same list as the services' NetworkTrust,
 * kept here because the gateway does not depend on the services' support library.
 */
final class Trusts {

    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("RBS", "Alder Hey Children's NHS Foundation Trust");
        NAMES.put("RJR", "Countess of Chester Hospital NHS Foundation Trust");
        NAMES.put("RBQ", "Liverpool Heart and Chest Hospital NHS Foundation Trust");
        NAMES.put("REM", "Liverpool University Hospitals NHS Foundation Trust");
        NAMES.put("REP", "Liverpool Women's NHS Foundation Trust");
        NAMES.put("RBT", "Mid Cheshire Hospitals NHS Foundation Trust");
        NAMES.put("RBN", "St Helens and Knowsley Teaching Hospitals NHS Trust");
        NAMES.put("RVY", "Southport and Ormskirk Hospital NHS Trust");
        NAMES.put("REN", "The Clatterbridge Cancer Centre NHS Foundation Trust");
        NAMES.put("RET", "The Walton Centre NHS Foundation Trust");
        NAMES.put("RWW", "Warrington and Halton Teaching Hospitals NHS Foundation Trust");
        NAMES.put("RBL", "Wirral University Teaching Hospital NHS Foundation Trust");
    }

    private Trusts() {
    }

    static String name(String odsCode) {
        if (odsCode == null) {
            return "no trust";
        }
        return NAMES.getOrDefault(odsCode.toUpperCase(), odsCode);
    }

    static boolean isTrust(String odsCode) {
        return odsCode != null && NAMES.containsKey(odsCode.toUpperCase());
    }
}
