package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One operation of the spec with the path item it lives in (both as JSON, path item refs already followed). */
public record OperationRef(String path, String method, ObjectNode pathItem, ObjectNode operation) {

    /** The operationId, else {@code "METHOD /path"}: how skips, overrides and selection name an operation. */
    public String key() {
        String id = operationId();
        return id != null ? id : method.toUpperCase(Locale.ROOT) + " " + path;
    }

    public String operationId() {
        JsonNode id = operation.get("operationId");
        return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    public List<String> tags() {
        List<String> tags = new ArrayList<>();
        operation.path("tags").forEach(t -> tags.add(t.asText()));
        return List.copyOf(tags);
    }
}
