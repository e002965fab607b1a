package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.openapi.http.ValueShape;
import dev.mcpgateway.openapi.schema.SchemaConverter;

/** What JSON shape a converted schema declares, which decides how style/explode serialise it. */
final class Shapes {

    private Shapes() {
    }

    static ValueShape of(JsonNode converted, SchemaConverter converter) {
        JsonNode schema = converted;
        if (schema.has("$ref")) {
            JsonNode source = converter.definitionSource(schema.get("$ref").asText());
            if (source == null) {
                return ValueShape.PRIMITIVE;
            }
            schema = source;
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    type = t;
                    break;
                }
            }
        }
        String name = type == null ? "" : type.asText("");
        if (name.equals("array")) {
            return ValueShape.ARRAY;
        }
        if (name.equals("object") || name.isEmpty() && (schema.has("properties") || schema.has("allOf"))) {
            return ValueShape.OBJECT;
        }
        return ValueShape.PRIMITIVE;
    }

    /** An object with named properties: its properties can become separate arguments. */
    static boolean hasProperties(JsonNode converted) {
        if (converted.has("$ref") || converted.has("oneOf") || converted.has("anyOf") || converted.has("allOf")) {
            return false;
        }
        JsonNode type = converted.get("type");
        boolean object = type == null || type.asText("").equals("object")
                || type.isArray() && type.toString().contains("\"object\"");
        return object && converted.path("properties").isObject() && !converted.path("properties").isEmpty();
    }

    /** A binary string (from {@code format: binary}, a Swagger 2.0 file, or a non-text contentMediaType). */
    static boolean isBinary(JsonNode converted) {
        if (!converted.path("type").asText("string").equals("string")) {
            return false;
        }
        if ("base64".equals(converted.path("contentEncoding").asText(null))) {
            return true;
        }
        String media = converted.path("contentMediaType").asText("");
        return !media.isEmpty() && !media.startsWith("text/") && !MediaTypes.isJson(media);
    }
}
