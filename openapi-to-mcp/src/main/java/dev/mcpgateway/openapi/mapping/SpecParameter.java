package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.openapi.http.ParameterLocation;

/** A declared parameter after ref resolution and path-/operation-level merging; {@code node} is its JSON. */
record SpecParameter(String name, ParameterLocation in, JsonNode node) {

    boolean required() {
        return in == ParameterLocation.PATH || node.path("required").asBoolean(false);
    }

    /** The schema, or the schema of the single media type of a {@code content} parameter. */
    JsonNode schema() {
        JsonNode schema = node.get("schema");
        if (schema != null) {
            return schema;
        }
        var content = node.path("content").properties().iterator();
        return content.hasNext() ? content.next().getValue().path("schema") : com.fasterxml.jackson.databind.node
                .JsonNodeFactory.instance.objectNode().put("type", "string");
    }

    /** Same parameter when in and name match; header names compare case-insensitively. */
    boolean sameAs(SpecParameter other) {
        return in == other.in && (in == ParameterLocation.HEADER ? name.equalsIgnoreCase(other.name)
                : name.equals(other.name));
    }
}
