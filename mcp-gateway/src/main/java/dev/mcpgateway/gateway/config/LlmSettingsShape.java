package dev.mcpgateway.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shape of the proxy-wide {@code llm:} keys of gateway.yml, and the walk that checks a node against it while
 * flattening it into {@code llm.*} properties. Unknown keys and values of the wrong type are refused naming the key.
 */
final class LlmSettingsShape {

    sealed interface Shape permits Scalar, Fields, EachOf, ListOf {
    }

    enum Scalar implements Shape { INT, LONG, BOOL, DURATION, TEXT, TEXTS }

    /** A mapping with these keys only. */
    record Fields(Map<String, Shape> fields) implements Shape {
    }

    /** A mapping from a name of the operator's choice to entries of one shape. */
    record EachOf(Shape entry) implements Shape {
    }

    /** An ordered list of entries of one shape. */
    record ListOf(Shape item) implements Shape {
    }

    private static final Pattern DURATION = Pattern.compile("\\d+(ms|s|m|h|d)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    static final Fields TOKEN_LIMIT = fields(
            "counter-key", Scalar.TEXT, "tokens-per-minute", Scalar.LONG, "token-quota", Scalar.LONG,
            "token-quota-period", Scalar.TEXT, "estimate-prompt-tokens", Scalar.BOOL,
            "retry-after-header-name", Scalar.TEXT, "remaining-tokens-header-name", Scalar.TEXT,
            "remaining-quota-tokens-header-name", Scalar.TEXT, "tokens-consumed-header-name", Scalar.TEXT,
            "products", Scalar.TEXTS, "deployments", Scalar.TEXTS);

    static final Fields TOP = fields(
            "max-body-bytes", Scalar.INT, "max-response-bytes", Scalar.INT,
            "subscription-required", Scalar.BOOL, "connect-timeout", Scalar.DURATION,
            "retry-count", Scalar.INT, "retry-formula", Scalar.TEXT, "retry-interval", Scalar.DURATION,
            "retry-delta", Scalar.DURATION, "retry-max-interval", Scalar.DURATION, "retry-first-fast", Scalar.BOOL,
            "trusted-certificates", Scalar.TEXT,
            "token-limits", new EachOf(TOKEN_LIMIT),
            "cache", fields("enabled", Scalar.BOOL, "ttl", Scalar.DURATION, "deployments", Scalar.TEXTS,
                    "max-entries", Scalar.INT, "max-entry-bytes", Scalar.INT),
            "metrics", fields("dimensions", new EachOf(Scalar.TEXT), "max-dimension-values", Scalar.INT),
            "auth", fields("enabled", Scalar.BOOL, "resource", Scalar.TEXT, "scopes", Scalar.TEXTS,
                    "product", Scalar.TEXT,
                    "product-rules", new ListOf(fields("claim", Scalar.TEXT, "value", Scalar.TEXT,
                            "product", Scalar.TEXT))));

    private LlmSettingsShape() {
    }

    private static Fields fields(Object... pairs) {
        Map<String, Shape> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], (Shape) pairs[i + 1]);
        }
        return new Fields(fields);
    }

    /** Checks {@code node} against {@code shape} and adds it to {@code out} as properties under {@code key}. */
    static void flatten(JsonNode node, Shape shape, String key, String origin, Map<String, Object> out)
            throws InvalidDefinitionException {
        String field = origin + ": " + key;
        switch (shape) {
            case Scalar scalar -> out.put(key, scalar(node, scalar, field));
            case Fields fields -> {
                if (!node.isObject()) {
                    throw new InvalidDefinitionException(field, "must be a mapping");
                }
                GatewayYaml.checkKeys(node, fields.fields().keySet(), field + ".");
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    if (!e.getValue().isNull()) {
                        flatten(e.getValue(), fields.fields().get(e.getKey()), key + "." + e.getKey(), origin, out);
                    }
                }
            }
            case EachOf each -> {
                for (Map.Entry<String, JsonNode> e : GatewayYaml.entries(node, field)) {
                    if (!NAME.matcher(e.getKey()).matches()) {
                        throw new InvalidDefinitionException(field + "." + e.getKey(), "is not a valid name");
                    }
                    flatten(e.getValue(), each.entry(), key + "." + e.getKey(), origin, out);
                }
            }
            case ListOf list -> {
                if (!node.isArray()) {
                    throw new InvalidDefinitionException(field, "must be a list");
                }
                for (int i = 0; i < node.size(); i++) {
                    flatten(node.get(i), list.item(), key + "[" + i + "]", origin, out);
                }
            }
        }
    }

    private static Object scalar(JsonNode node, Scalar type, String field) throws InvalidDefinitionException {
        return switch (type) {
            case INT -> {
                if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0) {
                    throw new InvalidDefinitionException(field, "must be a whole number, not '" + node.asText() + "'");
                }
                yield node.asInt();
            }
            case LONG -> {
                if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
                    throw new InvalidDefinitionException(field, "must be a whole number, not '" + node.asText() + "'");
                }
                yield node.asLong();
            }
            case BOOL -> {
                if (!node.isBoolean()) {
                    throw new InvalidDefinitionException(field, "must be true or false, not '" + node.asText() + "'");
                }
                yield node.asBoolean();
            }
            case DURATION -> duration(node, field);
            case TEXT -> {
                if (!node.isValueNode()) {
                    throw new InvalidDefinitionException(field, "must be a single value");
                }
                yield node.asText();
            }
            case TEXTS -> texts(node, field);
        };
    }

    private static String duration(JsonNode node, String field) throws InvalidDefinitionException {
        String text = node.asText().trim();
        if (node.isTextual() && DURATION.matcher(text).matches()) {
            return text;
        }
        try {
            if (node.isTextual()) {
                Duration.parse(text);
                return text;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidDefinitionException(field, "must be a duration such as 30s, 5m or PT30S, not '" + text + "'");
    }

    /** A list of names: a YAML list, or one comma-separated string as in properties. */
    private static List<String> texts(JsonNode node, String field) throws InvalidDefinitionException {
        if (node.isTextual()) {
            return Arrays.stream(node.asText().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        if (!node.isArray()) {
            throw new InvalidDefinitionException(field, "must be a list");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isValueNode() || item.isNull()) {
                throw new InvalidDefinitionException(field, "must be a list of names");
            }
            values.add(item.asText());
        }
        return values;
    }
}
