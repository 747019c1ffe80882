package org.camrin.gateway.portal;

import java.net.URI;

import org.camrin.gateway.GatewaySecurityConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Model values every portal page uses, and the way back to sign-in when the tokens are gone. */
@ControllerAdvice(basePackageClasses = PortalAdvice.class)
class PortalAdvice {

    private static final Logger log = LoggerFactory.getLogger(PortalAdvice.class);

    @ModelAttribute("user")
    Mono<PortalUser> user(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(principal -> PortalUser.of((OAuth2AuthenticationToken) principal));
    }

    /** The CSRF token for the page's forms; subscribing to it also stores it in the session. */
    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    @ModelAttribute("path")
    String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }

    /**
     * Ends the portal session and starts a new sign-in. Keycloak shows its login page when its
     * own session has ended too, or signs the person straight back in when it has not.
     */
    @ExceptionHandler(SignInAgainException.class)
    Mono<Void> signInAgain(SignInAgainException failure, ServerWebExchange exchange) {
        log.info("Sending {} to sign in again: {}", exchange.getRequest().getPath(), failure.getMessage());
        return exchange.getSession()
                .flatMap(session -> session.invalidate())
                .then(Mono.fromRunnable(() -> {
                    exchange.getResponse().setStatusCode(HttpStatus.FOUND);
                    exchange.getResponse().getHeaders().setLocation(
                            URI.create(GatewaySecurityConfiguration.SIGN_IN_PATH));
                }));
    }
}
