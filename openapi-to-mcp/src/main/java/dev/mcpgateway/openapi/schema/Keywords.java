package dev.mcpgateway.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * The keyword-by-keyword mapping from an OpenAPI schema object to JSON Schema 2020-12: OpenAPI-only keywords
 * ({@code nullable}, {@code example}, boolean {@code exclusiveMaximum}, {@code discriminator}, {@code xml},
 * extensions) are translated or dropped, subschemas converted, readOnly/writeOnly properties removed by direction.
 * What clients cannot load as written (patterns in other regex dialects, unknown formats...) is dealt with once the
 * whole tool schema is assembled, by {@link PortableSchema}.
 */
final class Keywords {

    /** Copied as they are: valid 2020-12 with the same meaning. */
    private static final Set<String> KEPT = Set.of("title", "description", "default", "enum", "const", "format",
            "multipleOf", "maximum", "minimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
            "uniqueItems", "maxProperties", "minProperties", "required", "deprecated", "readOnly", "writeOnly",
            "contentMediaType", "contentEncoding", "examples", "$comment", "dependentRequired", "maxContains",
            "minContains");
    private static final Set<String> SUBSCHEMA = Set.of("additionalProperties", "not", "propertyNames", "if", "then",
            "else", "contains", "unevaluatedProperties", "unevaluatedItems", "contentSchema");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "oneOf", "anyOf", "prefixItems");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "dependentSchemas");
    /** Annotations a referencing schema may put next to its {@code $ref} (3.1) and that should survive inlining. */
    private static final Set<String> OVERLAY = Set.of("title", "description", "default", "examples", "deprecated",
            "readOnly", "writeOnly");

    private Keywords() {
    }

    static ObjectNode convertObject(SchemaConverter converter, ObjectNode in, int depth) {
        ObjectNode out = SchemaConverter.JSON.objectNode();
        for (Map.Entry<String, JsonNode> field : in.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (KEPT.contains(key)) {
                out.set(key, value.deepCopy());
            } else if (key.equals("type")) {
                out.set("type", convertType(value));
            } else if (key.equals("items")) {
                if (value.isArray()) {
                    out.set("prefixItems", convertList(converter, value, depth));
                } else {
                    out.set("items", converter.convert(value, depth + 1));
                }
            } else if (SUBSCHEMA.contains(key)) {
                out.set(key, converter.convert(value, depth + 1));
            } else if (key.equals("allOf") && value.isArray()) {
                // members are expanded once even when recursive, so that they can be merged
                ArrayNode members = SchemaConverter.array();
                value.forEach(member -> members.add(converter.convertExpanded(member, depth + 1)));
                out.set(key, members);
            } else if (SCHEMA_LISTS.contains(key) && value.isArray()) {
                out.set(key, convertList(converter, value, depth));
            } else if (SCHEMA_MAPS.contains(key) && value.isObject()) {
                ObjectNode map = out.putObject(key);
                value.properties().forEach(e -> map.set(e.getKey(), converter.convert(e.getValue(), depth + 1)));
            } else if (key.equals("example") && !in.has("examples")) {
                out.putArray("examples").add(value.deepCopy());
            }
            // everything else (nullable, discriminator, xml, externalDocs, x-*, $schema, $id) is handled below or dropped
        }
        exclusiveBounds(in, out);
        removeByDirection(converter, out);
        if (in.has("discriminator")) {
            Discriminators.apply(in, out);
        }
        if (out.has("allOf")) {
            out = AllOfMerger.merge(out);
        }
        binary(out);
        if (in.path("nullable").asBoolean(false)) {
            out = Nullability.makeNullable(out);
        }
        return canonicalOrder(out);
    }

    /** Reading order for people previewing a tool: identity and type first, then constraints, then structure. */
    private static final java.util.List<String> ORDER = java.util.List.of("$ref", "type", "title", "description",
            "deprecated", "const", "enum", "default", "format", "contentEncoding", "contentMediaType", "pattern",
            "minLength", "maxLength", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf",
            "minItems", "maxItems", "uniqueItems", "items", "prefixItems", "properties", "required",
            "additionalProperties");

    private static ObjectNode canonicalOrder(ObjectNode schema) {
        ObjectNode ordered = SchemaConverter.JSON.objectNode();
        for (String key : ORDER) {
            if (schema.has(key)) {
                ordered.set(key, schema.get(key));
            }
        }
        schema.properties().forEach(e -> {
            if (!ordered.has(e.getKey())) {
                ordered.set(e.getKey(), e.getValue());
            }
        });
        return ordered;
    }

    private static ArrayNode convertList(SchemaConverter converter, JsonNode list, int depth) {
        ArrayNode out = SchemaConverter.array();
        list.forEach(member -> out.add(converter.convert(member, depth + 1)));
        return out;
    }

    /** OpenAPI 3.0 / Swagger's {@code type: file} is a binary string. */
    private static JsonNode convertType(JsonNode type) {
        if (type.isTextual() && type.asText().equals("file")) {
            return SchemaConverter.JSON.textNode("string");
        }
        return type.deepCopy();
    }

    /** 3.0 (draft 4) has boolean exclusiveMaximum/Minimum beside maximum/minimum; 2020-12 has the bound itself. */
    private static void exclusiveBounds(ObjectNode in, ObjectNode out) {
        bound(in, out, "exclusiveMaximum", "maximum");
        bound(in, out, "exclusiveMinimum", "minimum");
    }

    private static void bound(ObjectNode in, ObjectNode out, String exclusive, String inclusive) {
        JsonNode flag = in.get(exclusive);
        if (flag == null) {
            return;
        }
        if (flag.isNumber()) {
            out.set(exclusive, flag.deepCopy());
        } else if (flag.asBoolean(false) && in.has(inclusive)) {
            out.set(exclusive, in.get(inclusive).deepCopy());
            out.remove(inclusive);
        }
    }

    /** readOnly properties are not sent by clients, writeOnly ones are never returned. */
    private static void removeByDirection(SchemaConverter converter, ObjectNode out) {
        JsonNode properties = out.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        String hidden = converter.direction() == Direction.INPUT ? "readOnly" : "writeOnly";
        var names = new java.util.ArrayList<String>();
        properties.properties().forEach(e -> {
            if (e.getValue().path(hidden).asBoolean(false)) {
                names.add(e.getKey());
            }
        });
        if (names.isEmpty()) {
            return;
        }
        ((ObjectNode) properties).remove(names);
        JsonNode required = out.get("required");
        if (required != null && required.isArray()) {
            ArrayNode kept = SchemaConverter.array();
            required.forEach(r -> {
                if (!names.contains(r.asText())) {
                    kept.add(r);
                }
            });
            if (kept.isEmpty()) {
                out.remove("required");
            } else {
                out.set("required", kept);
            }
        }
    }

    /** {@code format: binary} strings travel as base64 text in JSON tool arguments and results. */
    private static void binary(ObjectNode out) {
        if ("binary".equals(out.path("format").asText()) && out.path("type").asText("string").equals("string")) {
            out.remove("format");
            out.put("contentEncoding", "base64");
        }
    }

    /** Copies the annotations a {@code $ref} sibling carries onto the converted target. */
    static void overlayAnnotations(ObjectNode target, ObjectNode referencing) {
        for (String key : OVERLAY) {
            JsonNode value = referencing.get(key);
            if (value != null) {
                target.set(key, value.deepCopy());
            }
        }
        if (referencing.has("example") && !referencing.has("examples")) {
            target.putArray("examples").add(referencing.get("example").deepCopy());
        }
    }
}
