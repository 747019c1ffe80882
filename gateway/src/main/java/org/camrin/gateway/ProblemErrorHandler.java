package org.camrin.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers the gateway's failures as problem details: no route is 404, and a service that is down
 * or does not answer in time is 503, so clients can tell an outage from a bug.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemResponses problems;

    ProblemErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        String path = exchange.getRequest().getPath().value();
        if (isUnavailable(error)) {
            log.warn("Service behind {} is unavailable: {}", path, error.toString());
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    "The service for " + path + " is not available at the moment. Try again shortly.");
        }
        if (error instanceof ResponseStatusException statusError) {
            HttpStatusCode code = statusError.getStatusCode();
            if (code.value() == HttpStatus.NOT_FOUND.value()) {
                return problems.write(exchange, HttpStatus.NOT_FOUND, "No API resource is at " + path + ".");
            }
            if (code.is5xxServerError() && isUnavailable(statusError.getCause())) {
                return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                        "The service for " + path + " is not available at the moment. Try again shortly.");
            }
            HttpStatus status = HttpStatus.resolve(code.value());
            return problems.write(exchange, status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status,
                    statusError.getReason() == null ? "The request failed." : statusError.getReason());
        }
        log.error("Gateway request {} failed", path, error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway failed to handle the request; the error has been logged.");
    }

    private static boolean isUnavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof TimeoutException
                    || cause.getClass().getName().contains("ConnectTimeout")
                    || cause.getClass().getName().endsWith("PrematureCloseException")) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }
}
