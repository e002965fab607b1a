package dev.mcpgateway.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The last step before a tool schema leaves the gateway: makes it load in every MCP client. The official TypeScript
 * SDK compiles each schema with Ajv on {@code tools/list}, and one schema it cannot compile loses the client every
 * tool of the server; other clients validate against the 2020-12 meta-schema or reject unknown keywords. So:
 * patterns are rewritten to ECMA-262 or, with no faithful equivalent, moved to the description
 * ({@link Patterns}); formats Ajv does not know move to the description; empty and huge enums, keyword values the
 * meta-schema rejects and keywords outside 2020-12 are dropped. Each change is a warning naming where it happened.
 *
 * <p>What clients are not shown but the JVM can still check (a Java-only pattern, a huge enum) stays in the
 * <em>enforced</em> schema, the one the gateway validates arguments with. It shares every unchanged subtree with the
 * emitted schema and is the very same object when nothing had to be hidden.
 */
public final class PortableSchema {

    /** Formats Ajv knows with ajv-formats (what the TypeScript SDK loads); any other is unknown to it. */
    static final Set<String> KNOWN_FORMATS = Set.of("date", "time", "date-time", "iso-time", "iso-date-time",
            "duration", "uri", "uri-reference", "uri-template", "url", "email", "hostname", "ipv4", "ipv6", "regex",
            "uuid", "json-pointer", "json-pointer-uri-fragment", "relative-json-pointer", "byte", "int32", "int64",
            "float", "double", "password", "binary");
    /** More values than this are not listed to clients (they cost tokens on every tools/list). */
    static final int MAX_ENUM = 256;

    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array",
            "null");
    private static final Set<String> STRINGS = Set.of("title", "description", "$comment", "contentMediaType",
            "contentEncoding", "$ref");
    private static final Set<String> BOOLEANS = Set.of("deprecated", "readOnly", "writeOnly", "uniqueItems");
    private static final Set<String> COUNTS = Set.of("maxLength", "minLength", "maxItems", "minItems",
            "maxProperties", "minProperties", "maxContains", "minContains");
    private static final Set<String> NUMBERS = Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");
    private static final Set<String> ANY_VALUE = Set.of("const", "default");
    private static final Set<String> SUBSCHEMA = Set.of("items", "additionalProperties", "not", "propertyNames",
            "if", "then", "else", "contains", "unevaluatedProperties", "unevaluatedItems", "contentSchema");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "$defs", "dependentSchemas");

    private final String label;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Map<String, List<String>> unknownFormats = new LinkedHashMap<>();

    private PortableSchema(String label) {
        this.label = label;
    }

    /**
     * @param emitted  the schema clients see (the input, changed in place)
     * @param enforced the schema to validate arguments with; {@code emitted} itself when nothing was hidden
     */
    public record Result(ObjectNode emitted, ObjectNode enforced, List<String> warnings) {
    }

    /**
     * @param schema a whole tool schema, changed in place
     * @param label  "inputSchema" or "outputSchema", for the warnings
     */
    public static Result apply(ObjectNode schema, String label) {
        PortableSchema portable = new PortableSchema(label);
        ObjectNode enforced = portable.walk(schema, new ArrayList<>());
        portable.unknownFormats.forEach((format, places) -> portable.warnings.add(label + ": format " + format
                + " (at " + places.getFirst() + (places.size() > 1 ? " and " + (places.size() - 1) + " more" : "")
                + ") is not one MCP clients' validators know; moved to the description"));
        return new Result(schema, enforced == null ? schema : enforced, List.copyOf(portable.warnings));
    }

    /** Makes {@code node} portable in place; returns its enforced form when that differs, else null. */
    private ObjectNode walk(ObjectNode node, List<String> path) {
        Map<String, JsonNode> enforced = new LinkedHashMap<>();
        for (String key : names(node)) {
            JsonNode value = node.get(key);
            switch (key) {
                case "pattern" -> pattern(node, value, path, enforced);
                case "format" -> format(node, value, path);
                case "enum" -> enumeration(node, value, path, enforced);
                case "type" -> type(node, value, path);
                case "required" -> required(node, value, path);
                case "examples" -> check(node, key, value.isArray(), path, "must be an array");
                case "multipleOf" -> check(node, key, value.isNumber() && value.asDouble() > 0, path,
                        "must be a number above 0");
                case "dependentRequired" -> check(node, key, value.isObject(), path, "must be an object");
                case "patternProperties" -> patternProperties(node, value, path, enforced);
                default -> other(node, key, value, path, enforced);
            }
        }
        if (enforced.isEmpty()) {
            return null;
        }
        ObjectNode copy = SchemaConverter.JSON.objectNode();
        node.properties().forEach(e -> copy.set(e.getKey(), e.getValue()));
        enforced.forEach((key, value) -> {
            if (value == null) {
                copy.remove(key);
            } else {
                copy.set(key, value);
            }
        });
        return copy;
    }

    private void other(ObjectNode node, String key, JsonNode value, List<String> path, Map<String, JsonNode> enforced) {
        if (STRINGS.contains(key)) {
            check(node, key, value.isTextual(), path, "must be a string");
        } else if (BOOLEANS.contains(key)) {
            check(node, key, value.isBoolean(), path, "must be true or false");
        } else if (COUNTS.contains(key)) {
            check(node, key, value.isNumber() && value.asDouble() >= 0 && value.asDouble() == Math.rint(
                    value.asDouble()), path, "must be a whole number, 0 or more");
        } else if (NUMBERS.contains(key)) {
            check(node, key, value.isNumber(), path, "must be a number");
        } else if (SUBSCHEMA.contains(key)) {
            if (check(node, key, value.isObject() || value.isBoolean(), path, "must be a schema")
                    && value.isObject()) {
                ObjectNode child = walk((ObjectNode) value, append(path, key.equals("items") ? "[]" : key));
                if (child != null) {
                    enforced.put(key, child);
                }
            }
        } else if (SCHEMA_LISTS.contains(key)) {
            if (check(node, key, value.isArray() && !value.isEmpty(), path, "must be a non-empty list of schemas")) {
                schemaList(key, (ArrayNode) value, path, enforced);
            }
        } else if (SCHEMA_MAPS.contains(key)) {
            if (check(node, key, value.isObject(), path, "must be an object of schemas")) {
                schemaMap(key, (ObjectNode) value, path, enforced);
            }
        } else if (!ANY_VALUE.contains(key)) {
            node.remove(key);
            warnings.add(where(path) + ": keyword " + key + " is not JSON Schema 2020-12; dropped");
        }
    }

    private void schemaList(String key, ArrayNode list, List<String> path, Map<String, JsonNode> enforced) {
        ArrayNode copy = null;
        for (int i = 0; i < list.size(); i++) {
            JsonNode member = list.get(i);
            ObjectNode child = member.isObject()
                    ? walk((ObjectNode) member, append(path, key + "[" + i + "]")) : null;
            if (child != null && copy == null) {
                copy = list.deepCopy();
            }
            if (child != null) {
                copy.set(i, child);
            }
        }
        if (copy != null) {
            enforced.put(key, copy);
        }
    }

    private void schemaMap(String key, ObjectNode map, List<String> path, Map<String, JsonNode> enforced) {
        ObjectNode copy = null;
        for (String name : names(map)) {
            JsonNode member = map.get(name);
            String segment = key.equals("properties") ? name : key + "." + name;
            ObjectNode child = member.isObject() ? walk((ObjectNode) member, append(path, segment)) : null;
            if (child != null) {
                if (copy == null) {
                    copy = SchemaConverter.JSON.objectNode();
                    copy.setAll(map);
                }
                copy.set(name, child);
            }
        }
        if (copy != null) {
            enforced.put(key, copy);
        }
    }

    private void pattern(ObjectNode node, JsonNode value, List<String> path, Map<String, JsonNode> enforced) {
        if (!check(node, "pattern", value.isTextual(), path, "must be a string")) {
            return;
        }
        Patterns plan = Patterns.plan(value.asText());
        if (plan.emitted() == null) {
            node.remove("pattern");
            describe(node, "Pattern: " + plan.original());
            warnings.add(where(path) + ": pattern " + plan.original() + " has no ECMA-262 equivalent ("
                    + plan.reason() + "); left out of the schema clients see and added to the description; "
                    + (plan.enforced() != null ? "the gateway still checks it"
                    : "not checked at all (not a valid Java regular expression either)"));
        } else if (plan.rewritten()) {
            node.put("pattern", plan.emitted());
            warnings.add(where(path) + ": pattern " + plan.original() + " rewritten as " + plan.emitted()
                    + " (ECMA-262, the regular expressions of JSON Schema and MCP clients)");
        }
        if (!Objects.equals(plan.enforced(), plan.emitted())) {
            enforced.put("pattern", plan.enforced() == null ? null : SchemaConverter.JSON.textNode(plan.enforced()));
            if (plan.enforced() == null) {
                warnings.add(where(path) + ": pattern " + plan.original()
                        + " does not compile in the JVM; only clients check it");
            }
        }
    }

    /** Keys of patternProperties are regular expressions too: rewritten, or kept only in the enforced schema. */
    private void patternProperties(ObjectNode node, JsonNode value, List<String> path, Map<String, JsonNode> enforced) {
        if (!check(node, "patternProperties", value.isObject(), path, "must be an object of schemas")) {
            return;
        }
        ObjectNode emittedMap = SchemaConverter.JSON.objectNode();
        ObjectNode enforcedMap = SchemaConverter.JSON.objectNode();
        boolean differs = false;
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            Patterns plan = Patterns.plan(entry.getKey());
            JsonNode schema = entry.getValue();
            JsonNode enforcedSchema = schema;
            if (schema.isObject()) {
                ObjectNode child = walk((ObjectNode) schema, append(path, "patternProperties." + entry.getKey()));
                if (child != null) {
                    enforcedSchema = child;
                    differs = true;
                }
            }
            if (plan.emitted() != null) {
                emittedMap.set(plan.emitted(), schema);
            }
            if (plan.enforced() != null) {
                enforcedMap.set(plan.enforced(), enforcedSchema);
            }
            differs |= !Objects.equals(plan.emitted(), plan.enforced());
            if (plan.emitted() == null || plan.rewritten()) {
                warnings.add(where(path) + ": property-name pattern " + plan.original() + (plan.emitted() == null
                        ? " has no ECMA-262 equivalent (" + plan.reason() + "); left out of the schema clients see"
                        : " rewritten as " + plan.emitted()));
            }
        }
        if (emittedMap.isEmpty()) {
            node.remove("patternProperties");
        } else {
            node.set("patternProperties", emittedMap);
        }
        if (differs) {
            enforced.put("patternProperties", enforcedMap.isEmpty() ? null : enforcedMap);
        }
    }

    private void format(ObjectNode node, JsonNode value, List<String> path) {
        if (!check(node, "format", value.isTextual(), path, "must be a string") || KNOWN_FORMATS.contains(
                value.asText())) {
            return;
        }
        node.remove("format");
        describe(node, "Format: " + value.asText() + ".");
        unknownFormats.computeIfAbsent(value.asText(), f -> new ArrayList<>()).add(place(path));
    }

    private void enumeration(ObjectNode node, JsonNode value, List<String> path, Map<String, JsonNode> enforced) {
        if (!check(node, "enum", value.isArray() && !value.isEmpty(), path, "must be a non-empty list")) {
            return;
        }
        if (value.size() <= MAX_ENUM) {
            return;
        }
        node.remove("enum");
        List<String> some = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            some.add(value.get(i).toString());
        }
        describe(node, "One of " + value.size() + " values, such as " + String.join(", ", some) + ".");
        enforced.put("enum", value);
        warnings.add(where(path) + ": enum of " + value.size() + " values (more than " + MAX_ENUM
                + ") not listed to clients; the gateway still checks it");
    }

    private void type(ObjectNode node, JsonNode value, List<String> path) {
        if (value.isTextual()) {
            check(node, "type", TYPES.contains(value.asText()), path, "must name a JSON type");
            return;
        }
        Set<String> kept = new LinkedHashSet<>();
        value.forEach(t -> {
            if (t.isTextual() && TYPES.contains(t.asText())) {
                kept.add(t.asText());
            }
        });
        if (check(node, "type", value.isArray() && !kept.isEmpty(), path, "must name JSON types")
                && kept.size() != value.size()) {
            ArrayNode types = node.putArray("type");
            kept.forEach(types::add);
            warnings.add(where(path) + ": type " + value + " keeps only the JSON types " + types);
        }
    }

    private void required(ObjectNode node, JsonNode value, List<String> path) {
        if (!check(node, "required", value.isArray(), path, "must be a list of property names")) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        value.forEach(n -> {
            if (n.isTextual()) {
                names.add(n.asText());
            }
        });
        if (names.size() != value.size()) {
            if (names.isEmpty()) {
                node.remove("required");
            } else {
                ArrayNode list = node.putArray("required");
                names.forEach(list::add);
            }
        }
    }

    /** Keeps the keyword when {@code valid}; otherwise drops it with a warning. Returns whether it was kept. */
    private boolean check(ObjectNode node, String key, boolean valid, List<String> path, String rule) {
        if (!valid) {
            node.remove(key);
            warnings.add(where(path) + ": " + key + " " + rule + " in JSON Schema 2020-12; dropped");
        }
        return valid;
    }

    private static void describe(ObjectNode node, String note) {
        String description = node.path("description").asText("").strip();
        node.put("description", description.isEmpty() ? note : description + (description.endsWith(".") ? " " : ". ")
                + note);
    }

    private String where(List<String> path) {
        return label + " at " + place(path);
    }

    /** {@code owner.tags[].name}: property names joined by dots, {@code []} for array items. */
    private static String place(List<String> path) {
        if (path.isEmpty()) {
            return "the root";
        }
        StringBuilder out = new StringBuilder();
        for (String segment : path) {
            if (!out.isEmpty() && !segment.startsWith("[")) {
                out.append('.');
            }
            out.append(segment);
        }
        return out.toString();
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> next = new ArrayList<>(path.size() + 1);
        next.addAll(path);
        next.add(segment);
        return next;
    }
}
