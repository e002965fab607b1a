package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parameters and variables of one template, and the evaluation of expressions against them. Values are worked
 * out only when a resource needs them, so a parameter nobody supplied only costs the resources that use it.
 */
final class TemplateScope implements ValueResolver {

    private static final String SECURE_STRING = "securestring";
    private static final String SECURE_OBJECT = "secureobject";

    // ARM matches parameter and variable names without regard to case
    private final Map<String, JsonNode> declaredParameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, JsonNode> suppliedValues = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, JsonNode> declaredVariables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<String> beingEvaluated = new HashSet<>();

    private TemplateScope() {
    }

    static TemplateScope of(JsonNode template, Map<String, JsonNode> suppliedValues) throws ArmImportException {
        TemplateScope scope = new TemplateScope();
        copySection(template, "parameters", scope.declaredParameters);
        copySection(template, "variables", scope.declaredVariables);
        scope.suppliedValues.putAll(suppliedValues);
        return scope;
    }

    private static void copySection(JsonNode template, String name, Map<String, JsonNode> into)
            throws ArmImportException {
        JsonNode section = template.path(name);
        if (section.isMissingNode() || section.isNull()) {
            return;
        }
        if (!section.isObject()) {
            throw new ArmImportException("the template's " + name + " must be an object");
        }
        section.properties().forEach(entry -> into.put(entry.getKey(), entry.getValue()));
    }

    @Override
    public JsonNode resolve(JsonNode value, String field) throws UnresolvableException {
        if (value.isTextual()) {
            return resolveText(value.textValue(), field);
        }
        if (value.isObject()) {
            ObjectNode resolved = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                resolved.set(entry.getKey(), resolve(entry.getValue(), field + "." + entry.getKey()));
            }
            return resolved;
        }
        if (value.isArray()) {
            ArrayNode resolved = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < value.size(); i++) {
                resolved.add(resolve(value.get(i), field + "[" + i + "]"));
            }
            return resolved;
        }
        return value.deepCopy();
    }

    private JsonNode resolveText(String text, String field) throws UnresolvableException {
        if (!(text.length() >= 2 && text.startsWith("[") && text.endsWith("]"))) {
            return TextNode.valueOf(text);
        }
        if (text.startsWith("[[")) {
            return TextNode.valueOf(text.substring(1));
        }
        try {
            return evaluate(ExpressionParser.parse(text));
        } catch (UnresolvableException e) {
            throw e.at(field);
        }
    }

    private JsonNode evaluate(Expression expression) throws UnresolvableException {
        return switch (expression) {
            case Expression.Literal literal -> literal.value();
            case Expression.Property property -> member(evaluate(property.target()), property.name());
            case Expression.Index index -> element(evaluate(index.target()), evaluate(index.index()));
            case Expression.Call call -> call(call);
        };
    }

    private JsonNode call(Expression.Call call) throws UnresolvableException {
        List<JsonNode> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(evaluate(argument));
        }
        if (call.function().equalsIgnoreCase("parameters")) {
            return parameter(name("parameters", arguments));
        }
        if (call.function().equalsIgnoreCase("variables")) {
            return variable(name("variables", arguments));
        }
        return TemplateFunctions.apply(call.function(), arguments);
    }

    private JsonNode parameter(String name) throws UnresolvableException {
        JsonNode declaration = declaredParameters.get(name);
        if (declaration == null) {
            throw new UnresolvableException("parameter '" + name + "' is not declared in the template");
        }
        if (suppliedValues.containsKey(name)) {
            return suppliedValues.get(name).deepCopy();
        }
        if (declaration.has("defaultValue")) {
            return evaluateOnce("parameter", name, declaration.get("defaultValue"));
        }
        String type = declaration.path("type").asText("");
        if (type.equalsIgnoreCase(SECURE_STRING) || type.equalsIgnoreCase(SECURE_OBJECT)) {
            throw new UnresolvableException("secure parameter '" + name + "' has no value; pass it in parameters");
        }
        throw new UnresolvableException("parameter '" + name + "' has no value; pass it in parameters");
    }

    private JsonNode variable(String name) throws UnresolvableException {
        JsonNode declaration = declaredVariables.get(name);
        if (declaration == null) {
            throw new UnresolvableException("variable '" + name + "' is not declared in the template");
        }
        return evaluateOnce("variable", name, declaration);
    }

    private JsonNode evaluateOnce(String kind, String name, JsonNode declared) throws UnresolvableException {
        String key = kind + ":" + name.toLowerCase(Locale.ROOT);
        if (!beingEvaluated.add(key)) {
            throw new UnresolvableException(kind + " '" + name + "' refers to itself");
        }
        try {
            return resolve(declared, kind + " '" + name + "'");
        } finally {
            beingEvaluated.remove(key);
        }
    }

    private static String name(String function, List<JsonNode> arguments) throws UnresolvableException {
        if (arguments.size() != 1 || !arguments.get(0).isTextual()) {
            throw new UnresolvableException(function + "() takes one name in quotes");
        }
        return arguments.get(0).textValue();
    }

    private static JsonNode member(JsonNode target, String name) throws UnresolvableException {
        if (target.isObject()) {
            for (Map.Entry<String, JsonNode> entry : target.properties()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue();
                }
            }
        }
        throw new UnresolvableException(TemplateFunctions.describe(target) + " has no property '" + name + "'");
    }

    private static JsonNode element(JsonNode target, JsonNode index) throws UnresolvableException {
        if (target.isArray() && index.isInt() && index.intValue() >= 0 && index.intValue() < target.size()) {
            return target.get(index.intValue());
        }
        if (target.isObject() && index.isTextual()) {
            return member(target, index.textValue());
        }
        throw new UnresolvableException(TemplateFunctions.describe(target) + " has no element "
                + TemplateFunctions.asString(index));
    }
}
