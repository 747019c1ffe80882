package org.camrin.support.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of a service into an RFC 9457 problem detail. Input errors list each field
 * with what to send instead under {@code errors}; no answer carries a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPE_BASE = "https://camrin.invalid/problems/";

    /** One rejected field: its JSON path and what is wrong with it. */
    public record FieldError(String field, String detail) {
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException error, NativeWebRequest request) {
        return fieldProblem(List.of(new FieldError(error.field(), error.getMessage())), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException error, NativeWebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", error.getMessage(), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException error, NativeWebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No record with id '" + error.getAggregateIdentifier() + "' exists.", request);
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException error, NativeWebRequest request) {
        String type = kebabCase(error.getClass().getSimpleName().replaceFirst("Exception$", ""));
        return problem(HttpStatus.CONFLICT, type, "Not allowed in the current state", error.getMessage(), request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException error, NativeWebRequest request) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed by someone else",
                "The record changed while this request was handled. Read it again and retry.", request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException error, NativeWebRequest request) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your roles or trust do not allow this action.", request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException error, NativeWebRequest request) {
        List<FieldError> errors = error.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList();
        return fieldProblem(errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException error, NativeWebRequest request) {
        String expected = error.getRequiredType() == null ? "a valid value" : describe(error.getRequiredType());
        return fieldProblem(List.of(new FieldError(error.getName(),
                "'" + error.getValue() + "' is not valid here: send " + expected + ".")), request);
    }

    /** Axon wraps handler exceptions when a command crosses a thread or a node; unwrap them. */
    @ExceptionHandler(CommandExecutionException.class)
    Object commandFailed(CommandExecutionException error, NativeWebRequest request) throws Exception {
        Throwable cause = error.getCause();
        if (cause instanceof Exception exception && cause != error) {
            throw exception;
        }
        return unexpected(error, request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception error, NativeWebRequest request) {
        log.error("Request {} failed", path(request), error);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed on the server. Try again later; the error has been logged.", request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException error,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        error.getBindingResult().getFieldErrors()
                .forEach(field -> errors.add(new FieldError(field.getField(), field.getDefaultMessage())));
        error.getBindingResult().getGlobalErrors()
                .forEach(global -> errors.add(new FieldError(global.getObjectName(), global.getDefaultMessage())));
        return ResponseEntity.badRequest().body(fieldProblem(errors, request));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException error,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = error.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(resolvable -> new FieldError(result.getMethodParameter().getParameterName(),
                                resolvable.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(fieldProblem(errors, request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException error,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldError fieldError = describeUnreadable(error);
        return ResponseEntity.badRequest().body(fieldProblem(List.of(fieldError), request));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
            problem.setInstance(URI.create(path(request)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static FieldError describeUnreadable(HttpMessageNotReadableException error) {
        JsonMappingException mapping = null;
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return new FieldError(invalid.field(), invalid.getMessage());
            }
            if (mapping == null && cause instanceof JsonMappingException found) {
                mapping = found;
            }
        }
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(unknown.getPropertyName(), "Unknown field: remove it. Accepted fields are "
                    + unknown.getKnownPropertyIds() + ".");
        }
        if (mapping instanceof InvalidFormatException invalid) {
            return new FieldError(jsonPath(invalid), "'" + invalid.getValue() + "' is not valid here: send "
                    + describe(invalid.getTargetType()) + ".");
        }
        if (mapping instanceof MismatchedInputException mismatched) {
            return new FieldError(jsonPath(mismatched), "Wrong JSON type or format: send "
                    + describe(mismatched.getTargetType()) + ".");
        }
        if (mapping != null && !mapping.getPath().isEmpty()) {
            return new FieldError(jsonPath(mapping), "Not valid here: " + mapping.getOriginalMessage());
        }
        return new FieldError("body", "The request body is missing or is not valid JSON.");
    }

    private static String jsonPath(JsonMappingException error) {
        String path = error.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object constant : constants) {
                names.add(((Enum<?>) constant).name());
            }
            return "one of " + names;
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date as YYYY-MM-DD";
            case "YearMonth" -> "a month as YYYY-MM";
            case "Instant", "OffsetDateTime" -> "a time as ISO-8601, for example 2026-01-31T09:30:00Z";
            case "UUID" -> "a UUID";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Double", "double", "BigDecimal" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            default -> "a " + type.getSimpleName();
        };
    }

    private ProblemDetail fieldProblem(List<FieldError> errors, WebRequest request) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.detail())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, request);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(path(request)));
        return problem;
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "/";
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
