package org.camrin.gateway.portal;

import java.util.List;
import java.util.Map;

import org.camrin.gateway.PortalClientConfiguration;
import org.camrin.gateway.PortalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Calls the services for the portal's pages with the signed-in person's access token, taken
 * from their session and refreshed first when it is about to expire. Services check roles and
 * trusts, and the portal shows their responses.
 */
@Component
class ServiceApi {

    private static final Logger log = LoggerFactory.getLogger(ServiceApi.class);

    private final WebClient http;
    private final PortalProperties portal;
    private final ReactiveOAuth2AuthorizedClientManager tokens;

    ServiceApi(WebClient.Builder builder, PortalProperties portal, ReactiveOAuth2AuthorizedClientManager tokens) {
        this.http = builder.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
        this.portal = portal;
        this.tokens = tokens;
    }

    Mono<ApiResponse> get(ServerWebExchange exchange, String service, String path) {
        return send(exchange, HttpMethod.GET, service, path, null);
    }

    Mono<ApiResponse> send(ServerWebExchange exchange, HttpMethod method, String service, String path, Object body) {
        return accessToken(exchange).flatMap(token -> {
            WebClient.RequestBodySpec request = http.method(method)
                    .uri(portal.service(service) + path)
                    .headers(headers -> headers.setBearerAuth(token))
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
            }
            return exchangeFor(request, service, path);
        });
    }

    /** Sends a file as the multipart part {@code file}, with the given form fields. */
    Mono<ApiResponse> upload(ServerWebExchange exchange, String service, String path, FilePart file,
            Map<String, String> fields) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.asyncPart("file", file.content(), org.springframework.core.io.buffer.DataBuffer.class)
                .filename(file.filename())
                .contentType(MediaType.TEXT_PLAIN);
        fields.forEach(parts::part);
        return accessToken(exchange).flatMap(token -> exchangeFor(http.post()
                .uri(portal.service(service) + path)
                .headers(headers -> headers.setBearerAuth(token))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build())), service, path));
    }

    private Mono<ApiResponse> exchangeFor(WebClient.RequestHeadersSpec<?> request, String service, String path) {
        return request.exchangeToMono(response -> response.bodyToMono(Object.class)
                        .map(body -> ApiResponse.of(response.statusCode().value(), LenientJson.wrap(body)))
                        .defaultIfEmpty(ApiResponse.of(response.statusCode().value(), null)))
                .flatMap(response -> {
                    if (response.status() == 401) {
                        return Mono.error(new SignInAgainException("The " + service + " service rejected the access token", null));
                    }
                    return Mono.just(response);
                })
                .onErrorResume(WebClientRequestException.class, failure -> {
                    log.warn("Request to the {} service for {} failed: {}", service, path, failure.toString());
                    return Mono.just(new ApiResponse(503, null,
                            "The " + service + " service is not available at the moment. Try again shortly.", Map.of()));
                });
    }

    /** Returns the session's access token, refreshed when fewer than 5 s remain. */
    Mono<String> accessToken(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .flatMap(principal -> tokens.authorize(OAuth2AuthorizeRequest
                        .withClientRegistrationId(PortalClientConfiguration.REGISTRATION_ID)
                        .principal(principal)
                        .attribute(ServerWebExchange.class.getName(), exchange)
                        .build()))
                .map(client -> client.getAccessToken().getTokenValue())
                .onErrorMap(ClientAuthorizationException.class,
                        failure -> new SignInAgainException("Keycloak rejected the token refresh: " + failure.getMessage(), failure))
                .switchIfEmpty(Mono.error(new SignInAgainException("The session contains no access token", null)));
    }

    static List<Object> listOf(Object value) {
        return value instanceof List<?> list ? List.copyOf(list) : List.of();
    }
}
