package dev.mcpgateway.gateway.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * RFC 9457 problem details, the admin API's only error shape. {@code field} (an extension member) names the
 * request field at fault for validation errors, so a client can point at it.
 */
public record Problem(HttpStatus status, String title, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Problem of(HttpStatus status, String title, String detail) {
        return new Problem(status, title, detail, null);
    }

    public static Problem invalidField(String field, String detail) {
        return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request", field + ": " + detail, field);
    }

    public MutableHttpResponse<String> toResponse() {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.getCode());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (field != null) {
            body.put("field", field);
        }
        return HttpResponse.<String>status(status).contentType(MEDIA_TYPE).body(body.toString());
    }
}
