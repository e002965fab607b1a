package dev.mcpgateway.llm.limit;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code llm.token-limits.<name>} entry of gateway.yml, with APIM's attribute names:
 * <pre>
 * llm:
 *   token-limits:
 *     per-subscription:
 *       counter-key: "{subscription}"
 *       tokens-per-minute: 5000
 *       token-quota: 1000000
 *       token-quota-period: Monthly
 *       estimate-prompt-tokens: true
 *       remaining-tokens-header-name: x-ratelimit-remaining-tokens
 *       deployments: [gpt-4o]        # optional: only these deployments / models (default: all)
 *       products: [starter]          # optional: only these products (default: all)
 * </pre>
 */
@EachProperty("llm.token-limits")
public class TokenLimitProperties {

    private final String name;
    private String counterKey;
    private String tokensPerMinute;
    private String tokenQuota;
    private String tokenQuotaPeriod;
    private String estimatePromptTokens;
    private String retryAfterHeaderName;
    private String remainingTokensHeaderName;
    private String remainingQuotaTokensHeaderName;
    private String tokensConsumedHeaderName;
    private List<String> deployments = List.of();
    private List<String> products = List.of();

    public TokenLimitProperties(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /** The attributes as APIM names them, for {@link TokenLimitPolicy#fromAttributes}. */
    Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        put(a, "counter-key", counterKey);
        put(a, "tokens-per-minute", tokensPerMinute);
        put(a, "token-quota", tokenQuota);
        put(a, "token-quota-period", tokenQuotaPeriod);
        put(a, "estimate-prompt-tokens", estimatePromptTokens);
        put(a, "retry-after-header-name", retryAfterHeaderName);
        put(a, "remaining-tokens-header-name", remainingTokensHeaderName);
        put(a, "remaining-quota-tokens-header-name", remainingQuotaTokensHeaderName);
        put(a, "tokens-consumed-header-name", tokensConsumedHeaderName);
        return a;
    }

    private static void put(Map<String, String> a, String key, String value) {
        if (value != null) {
            a.put(key, value);
        }
    }

    public List<String> getDeployments() {
        return deployments;
    }

    public void setDeployments(List<String> deployments) {
        this.deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }

    public List<String> getProducts() {
        return products;
    }

    public void setProducts(List<String> products) {
        this.products = products == null ? List.of() : List.copyOf(products);
    }

    public void setCounterKey(String counterKey) {
        this.counterKey = counterKey;
    }

    public void setTokensPerMinute(String tokensPerMinute) {
        this.tokensPerMinute = tokensPerMinute;
    }

    public void setTokenQuota(String tokenQuota) {
        this.tokenQuota = tokenQuota;
    }

    public void setTokenQuotaPeriod(String tokenQuotaPeriod) {
        this.tokenQuotaPeriod = tokenQuotaPeriod;
    }

    public void setEstimatePromptTokens(String estimatePromptTokens) {
        this.estimatePromptTokens = estimatePromptTokens;
    }

    public void setRetryAfterHeaderName(String retryAfterHeaderName) {
        this.retryAfterHeaderName = retryAfterHeaderName;
    }

    public void setRemainingTokensHeaderName(String remainingTokensHeaderName) {
        this.remainingTokensHeaderName = remainingTokensHeaderName;
    }

    public void setRemainingQuotaTokensHeaderName(String remainingQuotaTokensHeaderName) {
        this.remainingQuotaTokensHeaderName = remainingQuotaTokensHeaderName;
    }

    public void setTokensConsumedHeaderName(String tokensConsumedHeaderName) {
        this.tokensConsumedHeaderName = tokensConsumedHeaderName;
    }
}
