package dev.mcpgateway.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpgateway.llm.state.LlmKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * gateway.yml's {@code llm:} section: {@code backends}, {@code pools}, {@code routes}, {@code products} and
 * {@code subscriptions}, each keyed by id with the body the LLM admin API takes. A route may be just its target
 * ({@code gpt-4o: my-pool}). {@code ${NAME}} in a value is replaced by that environment variable, so keys need not
 * be written into the file. The LLM proxy validates the documents when it applies them; this only checks the shape.
 * The section's proxy-wide keys (token limits, cache, ...) are {@link LlmProxySettings}' and are skipped here.
 */
final class LlmSection {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Map<String, LlmKind> KINDS = Arrays.stream(LlmKind.values())
            .collect(Collectors.toMap(LlmKind::yamlKey, Function.identity()));

    private LlmSection() {
    }

    static Map<LlmKind, Map<String, ObjectNode>> read(JsonNode llm, String field) throws InvalidDefinitionException {
        return read(llm, field, System::getenv);
    }

    static Map<LlmKind, Map<String, ObjectNode>> read(JsonNode llm, String field, Function<String, String> env)
            throws InvalidDefinitionException {
        Map<LlmKind, Map<String, ObjectNode>> declared = new EnumMap<>(LlmKind.class);
        if (llm.isMissingNode() || llm.isNull()) {
            return declared;
        }
        if (!llm.isObject()) {
            throw new InvalidDefinitionException(field, "must be a mapping");
        }
        Set<String> known = new HashSet<>(KINDS.keySet());
        known.addAll(LlmProxySettings.KEYS); // checked and applied at start-up as llm.* properties
        GatewayYaml.checkKeys(llm, known, field + ".");
        for (Map.Entry<String, LlmKind> kind : KINDS.entrySet()) {
            Map<String, ObjectNode> documents = new LinkedHashMap<>();
            String kindField = field + "." + kind.getKey();
            for (Map.Entry<String, JsonNode> entry : GatewayYaml.entries(llm.path(kind.getKey()), kindField)) {
                String key = kindField + "." + entry.getKey();
                JsonNode value = entry.getValue();
                if (kind.getValue() == LlmKind.ROUTES && value.isTextual()) {
                    value = JsonNodeFactory.instance.objectNode().put("target", value.asText());
                }
                if (!(value instanceof ObjectNode document)) {
                    throw new InvalidDefinitionException(key, "must be a mapping");
                }
                documents.put(entry.getKey(), (ObjectNode) resolve(document, key, env));
            }
            declared.put(kind.getValue(), documents);
        }
        return declared;
    }

    private static JsonNode resolve(JsonNode node, String key, Function<String, String> env)
            throws InvalidDefinitionException {
        if (node.isTextual()) {
            Matcher m = VARIABLE.matcher(node.asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = env.apply(m.group(1));
                if (value == null) {
                    throw new InvalidDefinitionException(key, "names the environment variable " + m.group(1)
                            + ", which is not set");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return TextNode.valueOf(out.toString());
        }
        if (node.isContainerNode()) {
            JsonNode copy = node.deepCopy();
            if (copy instanceof ObjectNode o) {
                for (Map.Entry<String, JsonNode> e : Set.copyOf(o.properties())) {
                    o.set(e.getKey(), resolve(e.getValue(), key + "." + e.getKey(), env));
                }
            } else {
                for (int i = 0; i < copy.size(); i++) {
                    ((ArrayNode) copy).set(i, resolve(copy.get(i), key + "[" + i + "]", env));
                }
            }
            return copy;
        }
        return node;
    }
}
