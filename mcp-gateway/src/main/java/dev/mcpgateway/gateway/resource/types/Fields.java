package dev.mcpgateway.gateway.resource.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/** Reading resource properties with errors that name the field: the shared vocabulary of the resource types. */
final class Fields {

    private Fields() {
    }

    static void known(ObjectNode node, Set<String> allowed, String prefix) throws InvalidDefinitionException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidDefinitionException(prefix + name, "is not a property of this resource (expected "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    /** A string, or null when absent or null. */
    static String text(ObjectNode node, String field, String prefix) throws InvalidDefinitionException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidDefinitionException(prefix + field, "must be a string");
        }
        return value.asText();
    }

    /** APIM's {@code displayName}, checked, and the resource's id when none is given. */
    static void displayName(ObjectNode node, String id) throws InvalidDefinitionException {
        if (text(node, "displayName", "") == null) {
            node.put("displayName", id);
        }
    }

    static String required(ObjectNode node, String field, String prefix) throws InvalidDefinitionException {
        String value = text(node, field, prefix);
        if (value == null || value.isBlank()) {
            throw new InvalidDefinitionException(prefix + field, "is required");
        }
        return value;
    }

    static Boolean bool(ObjectNode node, String field, String prefix) throws InvalidDefinitionException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidDefinitionException(prefix + field, "must be true or false");
        }
        return value.asBoolean();
    }

    static Integer integer(ObjectNode node, String field, int min, int max, String prefix)
            throws InvalidDefinitionException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw new InvalidDefinitionException(prefix + field, "must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    static ObjectNode object(ObjectNode node, String field, String prefix) throws InvalidDefinitionException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectNode o)) {
            throw new InvalidDefinitionException(prefix + field, "must be an object");
        }
        return o;
    }

    /** An ISO-8601 duration as APIM writes them ({@code PT1M}, {@code PT30S}); null when absent. */
    static Duration duration(ObjectNode node, String field, String prefix) throws InvalidDefinitionException {
        String text = text(node, field, prefix);
        if (text == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            if (d.isNegative() || d.isZero()) {
                throw new DateTimeParseException("not positive", text, 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidDefinitionException(prefix + field, "must be a positive ISO-8601 duration such as PT1M"
                    + " or PT30S");
        }
    }

    /** One of the allowed words, compared without case, returned as written in {@code allowed}. */
    static String oneOf(ObjectNode node, String field, String prefix, String... allowed)
            throws InvalidDefinitionException {
        String value = text(node, field, prefix);
        if (value == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.strip())) {
                return a;
            }
        }
        throw new InvalidDefinitionException(prefix + field, "must be one of " + String.join(", ", allowed));
    }

    /** An absolute http(s) URL, or a value made of {@code ${ENV}} / {@code {{named-value}}} references. */
    static String url(ObjectNode node, String field, String prefix, boolean required)
            throws InvalidDefinitionException {
        String value = required ? required(node, field, prefix) : text(node, field, prefix);
        if (value != null && !value.matches("(?i)https?://[^\\s]+") && !value.contains("${")
                && !value.contains("{{")) {
            throw new InvalidDefinitionException(prefix + field, "must be an absolute http(s) URL");
        }
        return value;
    }
}
