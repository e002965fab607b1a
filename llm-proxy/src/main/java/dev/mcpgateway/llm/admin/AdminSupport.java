package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every LLM admin route shares: reading a JSON body (flat, or APIM's {@code {"properties": {...}}} envelope),
 * writing JSON, and turning failures into problems without leaking internal text.
 */
public final class AdminSupport {

    private static final Logger LOG = LoggerFactory.getLogger(AdminSupport.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private AdminSupport() {
    }

    static ObjectNode body(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new Problem.Failure(Problem.badRequest("a JSON object body is required"));
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node instanceof ObjectNode o) {
                return o.get("properties") instanceof ObjectNode p ? p : o;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new Problem.Failure(Problem.badRequest("the body is not a JSON object"));
    }

    static MutableHttpResponse<?> json(JsonNode node) {
        try {
            return HttpResponse.ok(JSON.writeValueAsBytes(node)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a handler; a {@link Problem.Failure} or a validation error becomes a problem response. */
    static MutableHttpResponse<?> guard(Supplier<MutableHttpResponse<?>> handler) {
        try {
            return handler.get();
        } catch (Problem.Failure f) {
            return f.problem().toResponse();
        } catch (ClassCastException e) {
            return Problem.badRequest("a field has the wrong JSON type").toResponse();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // our validators write messages for the operator (they name the field, never a secret)
            return Problem.badRequest(e.getMessage() == null ? "invalid value" : e.getMessage()).toResponse();
        } catch (RuntimeException e) {
            LOG.error("LLM admin fault", e);
            return new Problem(500, "Internal Server Error", "the change could not be applied").toResponse();
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
