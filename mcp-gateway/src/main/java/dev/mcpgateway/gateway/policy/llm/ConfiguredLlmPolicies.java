package dev.mcpgateway.gateway.policy.llm;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.llm.metrics.CustomDimensions;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token limits and metric dimensions configured as {@code llm.token-limits.*} and {@code llm.metrics.dimensions.*}
 * properties (or in gateway.yml's {@code llm:} section), as the policies they are: they run on every LLM call before
 * its documents' policies, as they did before there were documents, and no document's {@code <base />} can drop them.
 * Compiled at start-up, so a bad one stops it naming its key. Deprecated for the policy documents, which say the same.
 */
@Context
public final class ConfiguredLlmPolicies {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredLlmPolicies.class);
    static final String LIMITS = "llm.token-limits";
    static final String DIMENSIONS = "llm.metrics.dimensions";

    private final List<Policy> policies = new ArrayList<>();
    private final boolean mayBlock;

    public ConfiguredLlmPolicies(List<TokenLimitProperties> limits, Environment environment,
                                 TokenLimitFactory factory) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        environment.getProperties(DIMENSIONS, StringConvention.RAW)
                .forEach((name, expression) -> dimensions.put(name, String.valueOf(expression)));
        try {
            if (!dimensions.isEmpty()) {
                // first, so that a call a limit refuses is counted with them
                policies.add(metricLabels(dimensions));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        for (TokenLimitProperties limit : limits) {
            try {
                policies.add(new ScopedPolicy(limit.getProducts(), limit.getDeployments(),
                        factory.compile(limitAttributes(limit.attributes()))));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(LIMITS + "." + limit.getName() + ": " + e.getMessage(), e);
            }
        }
        mayBlock = policies.stream().anyMatch(Policy::mayBlock);
        if (!policies.isEmpty()) {
            LOG.warn("{} and {} are deprecated: write them as llm-token-limit and llm-emit-token-metric policies"
                    + " (PUT /admin/policies/policy, or at a product's, API's or operation's scope)", LIMITS,
                    DIMENSIONS);
        }
    }

    /**
     * Checks a token limit as a configuration file gives it (attributes without {@code products}, {@code deployments}).
     *
     * @throws IllegalArgumentException saying which attribute is wrong
     */
    public static void checkLimit(Map<String, String> attributes) {
        TokenLimitFactory.limits(limitAttributes(attributes));
    }

    /**
     * Checks the metric dimensions as a configuration file gives them.
     *
     * @throws IllegalArgumentException starting with the key at fault ({@code llm.metrics.dimensions[.name]})
     */
    public static void checkDimensions(Map<String, String> dimensions) {
        metricLabels(dimensions);
    }

    /** A token limit's attributes as properties spell them: the counter key in their template language. */
    static Map<String, Expression> limitAttributes(Map<String, String> properties) {
        Map<String, Expression> attributes = new LinkedHashMap<>();
        properties.forEach((name, value) -> attributes.put(name, name.equals("counter-key")
                ? CounterKeyTemplate.translate(value) : Expression.constant(value)));
        return attributes;
    }

    /**
     * The metric dimensions, by label name, each valued by a template.
     *
     * @throws IllegalArgumentException starting with the key at fault ({@code llm.metrics.dimensions[.name]})
     */
    static TokenMetricLabels metricLabels(Map<String, String> dimensions) {
        if (dimensions.size() > CustomDimensions.MAX) {
            throw new IllegalArgumentException(DIMENSIONS + ": at most " + CustomDimensions.MAX
                    + " custom dimensions, not " + dimensions.size() + " " + dimensions.keySet());
        }
        List<TokenMetricLabels.Label> labels = new ArrayList<>();
        dimensions.forEach((name, template) -> {
            try {
                CustomDimensions.checkName(name);
                labels.add(new TokenMetricLabels.Label(name, CounterKeyTemplate.translate(template)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(DIMENSIONS + "." + name + ": "
                        + e.getMessage().replace("counter-key", "expression"), e);
            }
        });
        return new TokenMetricLabels(labels);
    }

    boolean isEmpty() {
        return policies.isEmpty();
    }

    boolean mayBlock() {
        return mayBlock;
    }

    /** Runs them in order until one does not continue. */
    Decision run(PolicyCall call) {
        for (Policy policy : policies) {
            Decision decision = policy.apply(call);
            if (!(decision instanceof Decision.Continue)) {
                return decision;
            }
        }
        return Decision.CONTINUE;
    }
}
