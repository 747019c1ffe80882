package org.camrin.gateway.portal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Loads the signed-in person and gives them their Keycloak realm roles as {@code ROLE_<role>}
 * authorities. Keycloak puts {@code realm_access.roles} in the access token only, so the token
 * is decoded (and checked like any API token) at sign-in.
 */
@Component
class RoleMappingUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
    private final ReactiveJwtDecoder accessTokens;

    RoleMappingUserService(ReactiveJwtDecoder accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        return delegate.loadUser(request)
                .zipWith(accessTokens.decode(request.getAccessToken().getTokenValue()))
                .map(userAndToken -> {
                    OidcUser user = userAndToken.getT1();
                    List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
                    authorities.addAll(realmRoles(userAndToken.getT2().getClaimAsMap("realm_access")));
                    return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo());
                });
    }

    private static List<GrantedAuthority> realmRoles(Map<String, Object> realmAccess) {
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(PortalUser.ROLE_PREFIX + role))
                .toList();
    }
}
