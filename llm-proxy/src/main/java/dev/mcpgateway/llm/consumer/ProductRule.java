package dev.mcpgateway.llm.consumer;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * A claim-to-product rule: the caller belongs to {@code product} when its token's {@code claim} holds
 * {@code value}. A string claim matches when equal; an array claim when any element is; {@code scope} and
 * {@code scp}, which OAuth writes as one space-separated string, when any of their words is. Numbers and booleans
 * compare by their text.
 *
 * @param key where the rule was declared, for error messages ({@code llm.auth.product-rules[0]})
 */
public record ProductRule(String claim, String value, String product, String key) {

    public ProductRule {
        Objects.requireNonNull(key, "key");
        require(claim, key, "claim");
        require(value, key, "value");
        require(product, key, "product");
    }

    private static void require(String field, String key, String name) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException(key + "." + name + ": is required");
        }
    }

    public boolean matches(Map<String, Object> claims) {
        Object held = claims.get(claim);
        if (held instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> value.equals(String.valueOf(v)));
        }
        if (held instanceof String text && (claim.equals("scope") || claim.equals("scp"))) {
            for (String word : text.trim().split("\\s+")) {
                if (word.equals(value)) {
                    return true;
                }
            }
            return false;
        }
        return (held instanceof String || held instanceof Number || held instanceof Boolean)
                && value.equals(String.valueOf(held));
    }
}
