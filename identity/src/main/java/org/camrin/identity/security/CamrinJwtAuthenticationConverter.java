package org.camrin.identity.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a Keycloak access token into an authentication whose authorities are the realm roles
 * ({@code ROLE_programme-manager}) and the trust ({@code TRUST_REM}).
 *
 * <p>Spring Security's default converter reads only the {@code scope} claim, but Keycloak puts
 * realm roles under {@code realm_access.roles}. Only the platform's own roles become
 * authorities, so Keycloak's built-in roles such as {@code offline_access} grant nothing here.
 */
public final class CamrinJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Set<String> PLATFORM_ROLES = Set.of(
            CamrinRoles.NETWORK_ADMIN, CamrinRoles.PROGRAMME_MANAGER, CamrinRoles.TRUST_ADMIN,
            CamrinRoles.CLINICIAN, CamrinRoles.RADIOLOGIST, CamrinRoles.WORKFORCE_LEAD,
            CamrinRoles.DATA_ANALYST, CamrinRoles.PARTNER_API, CamrinRoles.CANCER_ALLIANCE);

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        CamrinUser user = toUser(jwt);

        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(CamrinRoles.ROLE_PREFIX + role)));
        user.trust().ifPresent(ods -> authorities.add(new SimpleGrantedAuthority(CamrinRoles.TRUST_PREFIX + ods)));

        return new JwtAuthenticationToken(jwt, authorities, user.username());
    }

    /** Reads the user from the token claims. */
    public static CamrinUser toUser(Jwt jwt) {
        String username = firstNonBlank(jwt.getClaimAsString("preferred_username"),
                jwt.getClaimAsString("azp"), jwt.getSubject());
        Optional<String> trust = Optional.ofNullable(jwt.getClaimAsString("trust"))
                .filter(value -> !value.isBlank())
                .map(String::toUpperCase);
        return new CamrinUser(jwt.getSubject(), username, trust, realmRoles(jwt));
    }

    private static Set<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (Object role : roles) {
            if (role instanceof String name && PLATFORM_ROLES.contains(name)) {
                result.add(name);
            }
        }
        return result;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "unknown";
    }
}
