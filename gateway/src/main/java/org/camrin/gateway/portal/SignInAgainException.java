package org.camrin.gateway.portal;

/**
 * The session has no usable access token any more: Keycloak rejected the refresh (its session
 * ended) or a service rejected the token. The person is sent to sign in again.
 */
class SignInAgainException extends RuntimeException {

    SignInAgainException(String message, Throwable cause) {
        super(message, cause);
    }
}
