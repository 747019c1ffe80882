package org.camrin.gateway.portal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person as the portal shows them: name, user name, trust (ODS code) and realm
 * roles. The roles come from the access token, because Keycloak puts them only there.
 */
public record PortalUser(String name, String username, String trust, Set<String> roles) {

    static final String ROLE_PREFIX = "ROLE_";

    /** CAMRIN's realm roles; Keycloak's own defaults (offline_access and the like) are not shown. */
    private static final Set<String> CAMRIN_ROLES = Set.of("network-admin", "programme-manager", "trust-admin", "clinician",
            "radiologist", "workforce-lead", "data-analyst", "partner-api", "cancer-alliance");

    static PortalUser of(OAuth2AuthenticationToken authentication) {
        OidcUser user = (OidcUser) authentication.getPrincipal();
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith(ROLE_PREFIX) && CAMRIN_ROLES.contains(name.substring(ROLE_PREFIX.length()))) {
                roles.add(name.substring(ROLE_PREFIX.length()));
            }
        }
        String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
        return new PortalUser(name, user.getPreferredUsername(), user.getClaimAsString("trust"), roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        return List.of(candidates).stream().anyMatch(roles::contains);
    }

    public boolean isOfTrust(String odsCode) {
        return trust != null && trust.equalsIgnoreCase(odsCode);
    }

    /** Programme managers and network admins create and change projects, pathways and initiatives. */
    public boolean canManageProgrammes() {
        return hasAnyRole("programme-manager", "network-admin");
    }

    public boolean canImportData() {
        return hasAnyRole("data-analyst", "network-admin");
    }

    public boolean canReadImports() {
        return hasAnyRole("data-analyst", "programme-manager", "network-admin");
    }

    /** Clinicians and radiologists record patients' pathway steps at their own trust. */
    public boolean canRecordPathwaySteps() {
        return hasAnyRole("clinician", "radiologist");
    }

    /** Readers of every trust's waiting list and of network-wide pathway compliance. */
    public boolean readsAllTrusts() {
        return hasAnyRole("data-analyst", "programme-manager", "network-admin", "cancer-alliance");
    }

    public String rolesText() {
        return String.join(", ", roles);
    }
}
