package org.camrin.gateway;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The portal's Keycloak client and its tokens. The registration is built here rather than from
 * OpenID discovery, so the gateway starts (and serves the API) while Keycloak is still starting.
 */
@Configuration
@EnableConfigurationProperties(PortalProperties.class)
public class PortalClientConfiguration {

    public static final String REGISTRATION_ID = "keycloak";

    // Refresh when fewer than 5 s remain: the default 60 s refreshes on every request once
    // tokens live 60 s or less, and an expired token is never relayed either way.
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(5);

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(PortalProperties portal) {
        String issuer = portal.issuer();
        String endpoints = issuer + "/protocol/openid-connect";
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("NHS Cheshire and Merseyside sign-in")
                .clientId(portal.clientId())
                .clientSecret(portal.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(portal.publicUrlOr("{baseUrl}") + "/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(issuer)
                .authorizationUri(endpoints + "/auth")
                .tokenUri(endpoints + "/token")
                .jwkSetUri(endpoints + "/certs")
                .userInfoUri(endpoints + "/userinfo")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                // Read by the RP-initiated logout handler to end the Keycloak session.
                .providerConfigurationMetadata(Map.of("end_session_endpoint", endpoints + "/logout"))
                .build();
        return new InMemoryReactiveClientRegistrationRepository(keycloak);
    }

    /**
     * Keeps each browser session's tokens in that session. The default store is keyed by user
     * name, so two sessions of one person would share tokens and one sign-out would end both.
     */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /**
     * Hands out the session's access token, refreshing it first when it is about to expire. A
     * refresh that Keycloak rejects (the Keycloak session ended) removes the tokens from the
     * session, and the portal then asks the person to sign in again.
     */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        ReactiveOAuth2AuthorizedClientProvider provider = ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.clockSkew(REFRESH_BEFORE_EXPIRY))
                .build();
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }
}
