package dev.mcpgateway.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAPI 3.0 {@code nullable: true} expressed the 2020-12 way, as 3.1 does: {@code "null"} in the type. */
final class Nullability {

    private Nullability() {
    }

    static ObjectNode makeNullable(ObjectNode schema) {
        JsonNode constant = schema.get("const");
        if (constant != null && !constant.isNull()) {
            // const admits one value: null joins it as an enum of two
            schema.remove("const");
            schema.putArray("enum").add(constant).addNull();
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            if (!type.asText().equals("null")) {
                schema.putArray("type").add(type.asText()).add("null");
            }
        } else if (type != null && type.isArray()) {
            if (!contains(type, "null")) {
                ((ArrayNode) type).add("null");
            }
        } else {
            // no type to extend (a union or a bare reference): allow null beside it
            ObjectNode wrapped = SchemaConverter.JSON.objectNode();
            wrapped.putArray("anyOf").add(schema).add(SchemaConverter.JSON.objectNode().put("type", "null"));
            return wrapped;
        }
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray() && !values.isEmpty()) {
            boolean hasNull = false;
            for (JsonNode v : values) {
                hasNull |= v.isNull();
            }
            if (!hasNull) {
                ((ArrayNode) values).addNull();
            }
        }
        return schema;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
