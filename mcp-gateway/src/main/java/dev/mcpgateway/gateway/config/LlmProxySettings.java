package dev.mcpgateway.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.policy.llm.ConfiguredLlmPolicies;
import dev.mcpgateway.llm.consumer.ProductRule;
import dev.mcpgateway.llm.retry.RetryPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The proxy-wide keys of gateway.yml's {@code llm:} section: size caps, timeouts, retry, {@code token-limits},
 * {@code cache}, {@code metrics} and {@code auth}, spelled exactly as the {@code llm.*} application properties. They
 * are checked here (shape, then their compilers: token-limit policies, metric expressions, product
 * rules, the retry formula), every error naming its key, and become {@code llm.*} properties of the application,
 * applied at start-up (see {@code GatewayYmlLlmProperties}).
 */
public final class LlmProxySettings {

    /** The keys this class owns under {@code llm:}; the others are resources in the old shape. */
    public static final Set<String> KEYS = LlmSettingsShape.TOP.fields().keySet();

    private LlmProxySettings() {
    }

    /**
     * @param llm    the {@code llm:} node of gateway.yml (missing or null: nothing)
     * @param origin the file, for error messages
     * @return the settings as flat {@code llm.*} properties (lists stay lists)
     * @throws InvalidDefinitionException naming the key, e.g. {@code gateway.yml: llm.cache.ttl}
     */
    public static Map<String, Object> properties(JsonNode llm, String origin) throws InvalidDefinitionException {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (llm.isMissingNode() || llm.isNull() || !llm.isObject()) {
            return properties;
        }
        for (String key : KEYS) {
            JsonNode value = llm.get(key);
            if (value != null && !value.isNull()) {
                LlmSettingsShape.flatten(value, LlmSettingsShape.TOP.fields().get(key), "llm." + key, origin,
                        properties);
            }
        }
        check(llm, origin);
        return properties;
    }

    /** What only the proxy knows how to check: compiled here so the file, not a later bean, is named. */
    private static void check(JsonNode llm, String origin) throws InvalidDefinitionException {
        String prefix = origin + ": llm.";
        try {
            if (llm.hasNonNull("retry-formula")) {
                RetryPolicy.Formula.parse(llm.get("retry-formula").asText());
            }
        } catch (RuntimeException e) {
            throw new InvalidDefinitionException(prefix + "retry-formula", e.getMessage());
        }
        for (Map.Entry<String, JsonNode> limit : llm.path("token-limits").properties()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            limit.getValue().properties().forEach(a -> {
                if (!a.getKey().equals("products") && !a.getKey().equals("deployments")) {
                    attributes.put(a.getKey(), a.getValue().asText());
                }
            });
            try {
                ConfiguredLlmPolicies.checkLimit(attributes);
            } catch (RuntimeException e) {
                throw new InvalidDefinitionException(prefix + "token-limits." + limit.getKey(), e.getMessage());
            }
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        llm.path("metrics").path("dimensions").properties().forEach(d -> dimensions.put(d.getKey(), d.getValue().asText()));
        try {
            ConfiguredLlmPolicies.checkDimensions(dimensions);
        } catch (IllegalArgumentException e) {
            // the message starts with the key (llm.metrics.dimensions[.name]: ...)
            throw new InvalidDefinitionException(origin, e.getMessage());
        }
        int i = 0;
        for (JsonNode rule : llm.path("auth").path("product-rules")) {
            try {
                new ProductRule(text(rule, "claim"), text(rule, "value"), text(rule, "product"),
                        "llm.auth.product-rules[" + i++ + "]");
            } catch (IllegalArgumentException e) {
                throw new InvalidDefinitionException(origin, e.getMessage());
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
