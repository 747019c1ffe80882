package org.camrin.gateway;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * One filter chain for both kinds of caller. API clients send a Keycloak access token
 * (issuer, signature, expiry and the {@code camrin-api} audience are checked, then the token is
 * relayed unchanged; services check roles and trusts themselves). Browsers sign in to the portal
 * with the authorization code flow and PKCE, keep a server-side session, and send a CSRF token
 * with every change.
 */
@Configuration
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

    public static final String SIGN_IN_PATH = "/oauth2/authorization/" + PortalClientConfiguration.REGISTRATION_ID;
    private static final String API_PATHS = "/api/**";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses problems,
            ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository authorizedClients,
            PortalProperties portal) {
        ServerAuthenticationEntryPoint bearerEntryPoint = (exchange, failure) -> problems.write(exchange,
                HttpStatus.UNAUTHORIZED,
                "A valid Keycloak access token is required: send it as 'Authorization: Bearer <token>'.");
        // API calls without a token get 401 and are never redirected; pages go to the sign-in.
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(new PathPatternParserServerWebExchangeMatcher(API_PATHS), bearerEntryPoint));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(SIGN_IN_PATH));

        // Keycloak requires S256 for this client, and Spring Security sends no PKCE challenge
        // for a confidential client unless told to.
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler keycloakLogout =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        keycloakLogout.setPostLogoutRedirectUri(portal.publicUrlOr("{baseUrl}") + "/signed-out");

        // Multipart forms (the data import) carry the token as a form part.
        XorServerCsrfTokenRequestAttributeHandler csrfTokens = new XorServerCsrfTokenRequestAttributeHandler();
        csrfTokens.setTokenFromMultipartDataEnabled(true);

        http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers("/nhsuk/**", "/assets/**", "/portal.css", "/favicon.ico", "/signed-out").permitAll()
                        .pathMatchers(API_PATHS).authenticated()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(authorizationRequests)
                        .authorizedClientRepository(authorizedClients))
                .oauth2Client(client -> client.authorizedClientRepository(authorizedClients))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, failure) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "A valid Keycloak access token is required: send it as 'Authorization: Bearer <token>'. "
                                        + failure.getMessage()))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "Your roles or trust do not allow this action.")))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf
                        .csrfTokenRequestHandler(csrfTokens)
                        .requireCsrfProtectionMatcher(browserChanges()))
                // Sign-out is POST /logout with the CSRF token, so another site cannot sign a person out.
                .logout(logout -> logout.logoutSuccessHandler(keycloakLogout))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable);
        return http.build();
    }

    /**
     * Changes that need a CSRF token: every unsafe method except those that carry a bearer
     * token. A browser never adds an Authorization header to a cross-site request on its own,
     * so a bearer request cannot be forged from another site the way a cookie request can.
     */
    private static ServerWebExchangeMatcher browserChanges() {
        ServerWebExchangeMatcher bearer = exchange -> {
            List<String> authorization = exchange.getRequest().getHeaders().getOrEmpty("Authorization");
            boolean hasBearer = authorization.stream().anyMatch(value -> value.regionMatches(true, 0, "Bearer ", 0, 7));
            return hasBearer ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
        return new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER, new NegatedServerWebExchangeMatcher(bearer));
    }
}
