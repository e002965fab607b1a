package dev.mcpgateway.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpgateway.auth.backend.CredentialConfigException;
import dev.mcpgateway.auth.backend.SecretResolver;
import dev.mcpgateway.llm.state.LlmKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * gateway.yml's {@code llm:} section: {@code backends}, {@code pools}, {@code routes}, {@code products} and
 * {@code subscriptions}, each keyed by id with the body the LLM admin API takes. A route may be just its target
 * ({@code gpt-4o: my-pool}). References in a value ({@code ${NAME}}, {@code {{name}}}) are resolved by
 * {@link SecretResolver}, so keys need not be written into the file. The LLM proxy validates the documents when it applies them; this only checks the shape.
 * The section's proxy-wide keys (token limits, cache, ...) are {@link LlmProxySettings}' and are skipped here.
 */
final class LlmSection {

    private static final Map<String, LlmKind> KINDS = Arrays.stream(LlmKind.values())
            .collect(Collectors.toMap(LlmKind::yamlKey, Function.identity()));

    private LlmSection() {
    }

    static Map<LlmKind, Map<String, ObjectNode>> read(JsonNode llm, String field) throws InvalidDefinitionException {
        return read(llm, field, SecretResolver.fromSystemEnvironment());
    }

    static Map<LlmKind, Map<String, ObjectNode>> read(JsonNode llm, String field, SecretResolver references)
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
                documents.put(entry.getKey(), (ObjectNode) resolve(document, key, references));
            }
            declared.put(kind.getValue(), documents);
        }
        return declared;
    }

    private static JsonNode resolve(JsonNode node, String key, SecretResolver references)
            throws InvalidDefinitionException {
        if (node.isTextual()) {
            try {
                return TextNode.valueOf(references.resolveText(key, node.asText()));
            } catch (CredentialConfigException e) {
                throw new InvalidDefinitionException(e.field(), e.reason());
            }
        }
        if (node.isContainerNode()) {
            JsonNode copy = node.deepCopy();
            if (copy instanceof ObjectNode o) {
                for (Map.Entry<String, JsonNode> e : Set.copyOf(o.properties())) {
                    o.set(e.getKey(), resolve(e.getValue(), key + "." + e.getKey(), references));
                }
            } else {
                for (int i = 0; i < copy.size(); i++) {
                    ((ArrayNode) copy).set(i, resolve(copy.get(i), key + "[" + i + "]", references));
                }
            }
            return copy;
        }
        return node;
    }
}
