package org.camrin.identity.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Access to the signed-in user of the current request thread. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** Returns the signed-in user, or empty outside an authenticated request. */
    public static Optional<CamrinUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(CamrinJwtAuthenticationConverter.toUser(token.getToken()));
        }
        return Optional.empty();
    }

    /** Returns the signed-in user; callers behind an authenticated endpoint use this. */
    public static CamrinUser get() {
        return find().orElseThrow(() -> new IllegalStateException("No signed-in user on this thread"));
    }
}
