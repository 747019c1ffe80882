package org.camrin.gateway;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the portal and its sign-in.
 *
 * @param publicUrl    the address browsers use for the gateway, such as {@code https://camrin.example.nhs.uk};
 *                     empty to take it from each request
 * @param keycloakUrl  Keycloak's base URL, used by browsers and by the gateway alike, because
 *                     Keycloak's issuer follows the host name of the request
 * @param realm        the Keycloak realm
 * @param clientId     the confidential client the portal signs in with
 * @param clientSecret that client's secret
 * @param services     base URLs of the services by name ({@code programme}, {@code pathway},
 *                     {@code workforce}, {@code data}), which the portal's pages call directly
 */
@ConfigurationProperties("camrin.portal")
public record PortalProperties(String publicUrl, String keycloakUrl, String realm, String clientId, String clientSecret,
        Map<String, String> services) {

    public String publicUrlOr(String fallback) {
        return publicUrl == null || publicUrl.isBlank() ? fallback : stripTrailingSlash(publicUrl);
    }

    public String issuer() {
        return stripTrailingSlash(keycloakUrl) + "/realms/" + realm;
    }

    public String service(String name) {
        String url = services.get(name);
        if (url == null) {
            throw new IllegalStateException("No URL configured for the " + name + " service: set camrin.portal.services."
                    + name);
        }
        return stripTrailingSlash(url);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
