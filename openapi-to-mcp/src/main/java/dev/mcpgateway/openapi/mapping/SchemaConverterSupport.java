package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers shared by the schema builders. */
final class SchemaConverterSupport {

    private SchemaConverterSupport() {
    }

    /** A schema as an object node: {@code true} becomes {@code {}}, {@code false} becomes {@code {"not": {}}}. */
    static ObjectNode object(JsonNode schema) {
        if (schema.isObject()) {
            return (ObjectNode) schema;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (!schema.asBoolean(true)) {
            out.putObject("not");
        }
        return out;
    }
}
