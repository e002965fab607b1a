package dev.mcpgateway.gateway.policy.llm;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code llm-token-limit} policy under {@code llm.token-limits.<name>} (deprecated: the policy form replaces it),
 * with APIM's attribute names, scoped to products and/or deployments (empty = every call).
 */
@EachProperty("llm.token-limits")
public class TokenLimitProperties {

    private final String name;
    private String counterKey;
    private Long tokensPerMinute;
    private Long tokenQuota;
    private String tokenQuotaPeriod;
    private Boolean estimatePromptTokens;
    private String retryAfterHeaderName;
    private String remainingTokensHeaderName;
    private String remainingQuotaTokensHeaderName;
    private String tokensConsumedHeaderName;
    private List<String> products = List.of();
    private List<String> deployments = List.of();

    public TokenLimitProperties(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /** The attributes as APIM spells them, the counter key in the properties' template language. */
    public Map<String, String> attributes() {
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

    private static void put(Map<String, String> a, String key, Object value) {
        if (value != null) {
            a.put(key, value.toString());
        }
    }

    public String getCounterKey() {
        return counterKey;
    }

    public void setCounterKey(String counterKey) {
        this.counterKey = counterKey;
    }

    public Long getTokensPerMinute() {
        return tokensPerMinute;
    }

    public void setTokensPerMinute(Long tokensPerMinute) {
        this.tokensPerMinute = tokensPerMinute;
    }

    public Long getTokenQuota() {
        return tokenQuota;
    }

    public void setTokenQuota(Long tokenQuota) {
        this.tokenQuota = tokenQuota;
    }

    public String getTokenQuotaPeriod() {
        return tokenQuotaPeriod;
    }

    public void setTokenQuotaPeriod(String tokenQuotaPeriod) {
        this.tokenQuotaPeriod = tokenQuotaPeriod;
    }

    public Boolean getEstimatePromptTokens() {
        return estimatePromptTokens;
    }

    public void setEstimatePromptTokens(Boolean estimatePromptTokens) {
        this.estimatePromptTokens = estimatePromptTokens;
    }

    public String getRetryAfterHeaderName() {
        return retryAfterHeaderName;
    }

    public void setRetryAfterHeaderName(String retryAfterHeaderName) {
        this.retryAfterHeaderName = retryAfterHeaderName;
    }

    public String getRemainingTokensHeaderName() {
        return remainingTokensHeaderName;
    }

    public void setRemainingTokensHeaderName(String remainingTokensHeaderName) {
        this.remainingTokensHeaderName = remainingTokensHeaderName;
    }

    public String getRemainingQuotaTokensHeaderName() {
        return remainingQuotaTokensHeaderName;
    }

    public void setRemainingQuotaTokensHeaderName(String remainingQuotaTokensHeaderName) {
        this.remainingQuotaTokensHeaderName = remainingQuotaTokensHeaderName;
    }

    public String getTokensConsumedHeaderName() {
        return tokensConsumedHeaderName;
    }

    public void setTokensConsumedHeaderName(String tokensConsumedHeaderName) {
        this.tokensConsumedHeaderName = tokensConsumedHeaderName;
    }

    public List<String> getProducts() {
        return products;
    }

    public void setProducts(List<String> products) {
        this.products = products;
    }

    public List<String> getDeployments() {
        return deployments;
    }

    public void setDeployments(List<String> deployments) {
        this.deployments = deployments;
    }
}
