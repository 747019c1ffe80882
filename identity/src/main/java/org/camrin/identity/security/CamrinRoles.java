package org.camrin.identity.security;

/** Realm roles of the {@code camrin} Keycloak realm, as they appear in tokens. */
public final class CamrinRoles {

    public static final String NETWORK_ADMIN = "network-admin";
    public static final String PROGRAMME_MANAGER = "programme-manager";
    public static final String TRUST_ADMIN = "trust-admin";
    public static final String CLINICIAN = "clinician";
    public static final String RADIOLOGIST = "radiologist";
    public static final String WORKFORCE_LEAD = "workforce-lead";
    public static final String DATA_ANALYST = "data-analyst";
    public static final String PARTNER_API = "partner-api";
    public static final String CANCER_ALLIANCE = "cancer-alliance";

    /** Prefix of the Spring Security authority made from each realm role. */
    public static final String ROLE_PREFIX = "ROLE_";

    /** Prefix of the authority that names the user's trust, for example {@code TRUST_REM}. */
    public static final String TRUST_PREFIX = "TRUST_";

    private CamrinRoles() {
    }
}
