package dev.mcpgateway.llm.limit;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The configured {@code llm.token-limits}, compiled once at startup (a bad attribute fails startup with the
 * entry and attribute named), and which of them apply to a call.
 */
@Singleton
public class TokenLimitPolicies {

    private final List<Scoped> policies;

    public TokenLimitPolicies(List<TokenLimitProperties> configured) {
        this.policies = configured.stream()
                .sorted(Comparator.comparing(TokenLimitProperties::getName))
                .map(TokenLimitPolicies::compile)
                .toList();
    }

    /**
     * The policies for a call, in name order.
     *
     * @param deployment the deployment or model name the call routes to
     * @param product    the caller's product id, or null
     */
    public List<TokenLimitPolicy> applicableTo(String deployment, String product) {
        return policies.stream().filter(p -> p.appliesTo(deployment, product)).map(Scoped::policy).toList();
    }

    private static Scoped compile(TokenLimitProperties p) {
        try {
            return new Scoped(TokenLimitPolicy.fromAttributes(p.attributes()), Set.copyOf(p.getDeployments()),
                    Set.copyOf(p.getProducts()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("llm.token-limits." + p.getName() + ": " + e.getMessage(), e);
        }
    }

    private record Scoped(TokenLimitPolicy policy, Set<String> deployments, Set<String> products) {
        boolean appliesTo(String deployment, String product) {
            return (deployments.isEmpty() || deployments.contains(deployment))
                    && (products.isEmpty() || product != null && products.contains(product));
        }
    }
}
