package org.camrin.gateway.portal;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Small steps the portal's controllers share: redirects, form values and error display. */
final class Pages {

    private Pages() {
    }

    /** Redirects with 303 See Other (WebFlux's default), so a reload does not send a form again. */
    static String redirect(String location) {
        return "redirect:" + location;
    }

    /**
     * Puts a failed service answer on the page: each field's message beside the field, and the
     * problem's detail in the error summary when no field is named. The page answers with the
     * service's status, so a refused change reads as 403 and bad input as 400.
     */
    static void showErrors(Model model, ServerWebExchange exchange, ApiResponse response) {
        Map<String, String> fields = response.fieldErrors();
        model.addAttribute("errors", fields);
        model.addAttribute("detail", fields.isEmpty() || response.status() != 400 ? readable(response) : null);
        HttpStatus status = HttpStatus.resolve(response.status());
        exchange.getResponse().setStatusCode(status == null ? HttpStatus.BAD_GATEWAY : status);
    }

    static void refuse(Model model, ServerWebExchange exchange, String detail) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("detail", detail);
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
    }

    private static String readable(ApiResponse response) {
        if (response.status() == 403) {
            return "You do not have permission to do this. " + response.detail();
        }
        return response.detail();
    }

    static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
