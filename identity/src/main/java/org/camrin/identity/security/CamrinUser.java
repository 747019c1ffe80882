package org.camrin.identity.security;

import java.util.Optional;
import java.util.Set;

/**
 * The person or partner system behind a request, read from a Keycloak access token.
 *
 * @param userId   the token subject (a Keycloak user id, or the service account's id)
 * @param username the Keycloak user name, or the client id for a client-credentials token
 * @param trust    the ODS code of the user's trust; empty for network-wide partner clients
 * @param roles    the realm roles the token grants, such as {@code programme-manager}
 */
public record CamrinUser(String userId, String username, Optional<String> trust, Set<String> roles) {

    public CamrinUser {
        trust = trust == null ? Optional.empty() : trust;
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the user belongs to the trust with this ODS code. */
    public boolean belongsTo(String odsCode) {
        return trust.map(own -> own.equalsIgnoreCase(odsCode)).orElse(false);
    }
}
