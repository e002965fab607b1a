package dev.mcpgateway.gateway.policy.llm;

import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import dev.mcpgateway.llm.metrics.CustomDimensions;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles {@code llm-emit-token-metric} and its older name {@code azure-openai-emit-token-metric} onto the proxy's
 * Prometheus token metrics ({@code llm_tokens_*}, {@code gen_ai_client_token_usage}...). APIM's default dimensions
 * name the metrics' built-in labels and need no value; any other dimension is a custom label (its name in lower case,
 * other characters than letters, digits and {@code _} made {@code _}), at most five per policy, and needs a value.
 * Prometheus metrics have fixed names, so {@code namespace} names none of them.
 */
@Singleton
public final class TokenMetricFactory implements PolicyFactory {

    /** APIM's default dimensions that are built-in labels of the token metrics (Client IP too, which APIM lacks). */
    private static final Map<String, String> BUILT_IN = Map.of("API ID", "api", "Operation ID", "operation",
            "Product ID", "product", "Subscription ID", "subscription", "User ID", "user", "Backend ID", "backend",
            "Client IP", "client_ip");
    /** APIM's default dimensions that name a property of APIM's own deployment, which this gateway does not have. */
    private static final Set<String> APIM_ONLY = Set.of("Location", "Gateway ID");

    @Override
    public Set<String> elements() {
        return Set.of("llm-emit-token-metric", "azure-openai-emit-token-metric");
    }

    @Override
    public Set<Surface> surfaces() {
        return EnumSet.of(Surface.LLM);
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        List<TokenMetricLabels.Label> labels = new ArrayList<>();
        int custom = 0;
        for (PolicyElement dimension : element.children("dimension")) {
            try {
                TokenMetricLabels.Label label = label(dimension.attribute("name"), dimension.attribute("value"));
                custom += CustomDimensions.BUILT_IN.contains(label.name()) ? 0 : 1;
                if (label.value() != null) {
                    labels.add(label);
                }
            } catch (IllegalArgumentException e) {
                throw new PolicyDocumentException(dimension.name(), dimension.line(), e.getMessage());
            }
        }
        if (custom > CustomDimensions.MAX) {
            throw new PolicyDocumentException(element.name(), element.line(), "at most " + CustomDimensions.MAX
                    + " custom dimensions, not " + custom);
        }
        return new TokenMetricLabels(labels);
    }

    /** The label a dimension values, with its expression (null: the built-in label keeps its own value). */
    private static TokenMetricLabels.Label label(Expression name, Expression value) {
        if (!name.isConstant()) {
            throw new IllegalArgumentException("the dimension's name is a metric label: a name, not an expression");
        }
        String written = name.evaluateText(null).strip();
        String builtIn = BUILT_IN.get(written);
        if (builtIn != null) {
            return new TokenMetricLabels.Label(builtIn, value);
        }
        if (value == null) {
            throw new IllegalArgumentException("the dimension '" + written + "' needs a value" + (APIM_ONLY.contains(
                    written) ? ": this gateway has no " + written + " of its own" : "; without one a dimension is"
                    + " one of " + String.join(", ", BUILT_IN.keySet().stream().sorted().toList())));
        }
        return new TokenMetricLabels.Label(customLabel(written), value);
    }

    /** A custom dimension's label: {@code Team Name} is {@code team_name}. */
    static String customLabel(String name) {
        String label = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        CustomDimensions.checkName(label);
        return label;
    }
}
