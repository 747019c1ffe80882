package org.camrin.gateway.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's answer as the pages use it: the status, the JSON body as maps and lists, and for a
 * problem (RFC 9457) its detail and the per-field messages of its {@code errors} list.
 */
record ApiResponse(int status, Object body, String detail, Map<String, String> fieldErrors) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
        return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    List<Object> list() {
        return body instanceof List<?> list ? (List<Object>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static ApiResponse of(int status, Object body) {
        if (status < 400 || !(body instanceof Map<?, ?>)) {
            return new ApiResponse(status, body, status < 400 ? null : "The service answered " + status + ".", Map.of());
        }
        Map<String, Object> problem = (Map<String, Object>) body;
        Map<String, String> fields = new LinkedHashMap<>();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> entry && entry.get("field") != null) {
                    fields.merge(String.valueOf(entry.get("field")), String.valueOf(entry.get("detail")),
                            (first, second) -> first + " " + second);
                }
            }
        }
        Object detail = problem.get("detail");
        return new ApiResponse(status, body, detail == null ? "The service answered " + status + "." : detail.toString(),
                fields);
    }
}
