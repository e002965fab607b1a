package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;

/**
 * The template functions API Management templates use to build names, URLs and references. {@code parameters} and
 * {@code variables} need the template, so {@link TemplateScope} answers those.
 */
final class TemplateFunctions {

    /** {@code resourceId()} without them means "where the template is deployed", which an import cannot know. */
    static final String UNKNOWN_SUBSCRIPTION = "{subscriptionId}";
    static final String UNKNOWN_RESOURCE_GROUP = "{resourceGroupName}";

    private TemplateFunctions() {
    }

    static JsonNode apply(String function, List<JsonNode> arguments) throws UnresolvableException {
        return switch (function.toLowerCase(Locale.ROOT)) {
            case "concat" -> concat(arguments);
            case "format" -> TextNode.valueOf(format(arguments));
            case "resourceid" -> TextNode.valueOf(resourceId(arguments));
            case "tolower" -> TextNode.valueOf(text("toLower", only("toLower", arguments)).toLowerCase(Locale.ROOT));
            case "toupper" -> TextNode.valueOf(text("toUpper", only("toUpper", arguments)).toUpperCase(Locale.ROOT));
            case "string" -> TextNode.valueOf(asString(only("string", arguments)));
            default -> throw new UnresolvableException("uses the template function '" + function
                    + "', which this import does not evaluate; replace it with a value or a parameter");
        };
    }

    private static JsonNode concat(List<JsonNode> arguments) throws UnresolvableException {
        if (!arguments.isEmpty() && arguments.stream().allMatch(JsonNode::isArray)) {
            ArrayNode joined = JsonNodeFactory.instance.arrayNode();
            arguments.forEach(argument -> joined.addAll((ArrayNode) argument));
            return joined;
        }
        StringBuilder joined = new StringBuilder();
        for (JsonNode argument : arguments) {
            joined.append(text("concat", argument));
        }
        return TextNode.valueOf(joined.toString());
    }

    /** .NET composite formatting as ARM does it: numbered placeholders, doubled braces for literal ones. */
    private static String format(List<JsonNode> arguments) throws UnresolvableException {
        if (arguments.isEmpty()) {
            throw new UnresolvableException("format() needs a format string");
        }
        String pattern = text("format", arguments.get(0));
        StringBuilder formatted = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < pattern.length() && pattern.charAt(i + 1) == c) {
                formatted.append(c);
                i += 2;
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                String placeholder = close < 0 ? pattern.substring(i) : pattern.substring(i + 1, close);
                formatted.append(asString(argument(arguments, placeholder)));
                i = close + 1;
            } else {
                formatted.append(c);
                i++;
            }
        }
        return formatted.toString();
    }

    private static JsonNode argument(List<JsonNode> arguments, String placeholder) throws UnresolvableException {
        if (!placeholder.matches("\\d{1,4}")) {
            throw new UnresolvableException("format() placeholder {" + placeholder
                    + "} is not supported here; only {0}, {1}, ... are");
        }
        int index = Integer.parseInt(placeholder) + 1;
        if (index >= arguments.size()) {
            throw new UnresolvableException("format() has no value for {" + placeholder + "}");
        }
        return arguments.get(index);
    }

    /** {@code resourceId([subscriptionId], [resourceGroupName], type, name1, name2, ...)} as a full ARM id. */
    private static String resourceId(List<JsonNode> arguments) throws UnresolvableException {
        int typeAt = 0;
        while (typeAt < arguments.size() && !text("resourceId", arguments.get(typeAt)).contains("/")) {
            typeAt++;
        }
        if (typeAt == arguments.size() || typeAt > 2) {
            throw new UnresolvableException("resourceId() needs a resource type such as "
                    + "'Microsoft.ApiManagement/service/backends' within its first three arguments");
        }
        String[] type = text("resourceId", arguments.get(typeAt)).split("/");
        List<JsonNode> names = arguments.subList(typeAt + 1, arguments.size());
        if (names.size() != type.length - 1) {
            throw new UnresolvableException("resourceId() needs " + (type.length - 1) + " names for the type "
                    + String.join("/", type) + ", got " + names.size());
        }
        String subscription = typeAt == 2 ? text("resourceId", arguments.get(0)) : UNKNOWN_SUBSCRIPTION;
        String resourceGroup = typeAt >= 1 ? text("resourceId", arguments.get(typeAt - 1)) : UNKNOWN_RESOURCE_GROUP;
        StringBuilder id = new StringBuilder("/subscriptions/").append(subscription)
                .append("/resourceGroups/").append(resourceGroup)
                .append("/providers/").append(type[0]);
        for (int i = 1; i < type.length; i++) {
            id.append('/').append(type[i]).append('/').append(text("resourceId", names.get(i - 1)));
        }
        return id.toString();
    }

    private static JsonNode only(String function, List<JsonNode> arguments) throws UnresolvableException {
        if (arguments.size() != 1) {
            throw new UnresolvableException(function + "() takes one argument, got " + arguments.size());
        }
        return arguments.get(0);
    }

    private static String text(String function, JsonNode argument) throws UnresolvableException {
        if (!argument.isTextual()) {
            throw new UnresolvableException(function + "() takes strings, got " + describe(argument));
        }
        return argument.textValue();
    }

    /** As ARM's {@code string()}: booleans as .NET writes them, objects and arrays as compact JSON. */
    static String asString(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> "null";
        };
    }
}
