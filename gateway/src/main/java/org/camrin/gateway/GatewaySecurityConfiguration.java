package org.camrin.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Checks every API request's Keycloak access token (issuer, signature, expiry and the
 * {@code camrin-api} audience) before routing it. Services check roles and trusts themselves,
 * so the gateway lets any valid token through and relays it unchanged.
 */
@Configuration
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses problems) {
        http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, failure) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "A valid Keycloak access token is required: send it as 'Authorization: Bearer <token>'. "
                                        + failure.getMessage()))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "Your roles or trust do not allow this action.")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, failure) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "A valid Keycloak access token is required: send it as 'Authorization: Bearer <token>'.")))
                // NOTE: the API takes bearer tokens only, so CSRF protection waits for the
                // browser session that the portal adds.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable);
        return http.build();
    }
}
