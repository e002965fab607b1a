package dev.mcpgateway.gateway.policy.llm;

import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import dev.mcpgateway.llm.limit.TokenLimitPolicy;
import dev.mcpgateway.llm.limit.TokenLimiter;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Compiles {@code llm-token-limit} and its older name {@code azure-openai-token-limit} into a {@link TokenLimit} on
 * the proxy's token limiter (created with the first limit: in memory, or Redis when {@code redis.uri} is set). The
 * counter key may be an expression; the limits themselves are numbers known at load.
 */
@Singleton
public final class TokenLimitFactory implements PolicyFactory {

    private final BeanProvider<TokenLimiter> limiter;

    public TokenLimitFactory(BeanProvider<TokenLimiter> limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean countsCalls() {
        return true;
    }

    @Override
    public Set<String> elements() {
        return Set.of("llm-token-limit", "azure-openai-token-limit");
    }

    @Override
    public Set<Surface> surfaces() {
        return EnumSet.of(Surface.LLM);
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        try {
            return compile(element.attributes());
        } catch (IllegalArgumentException e) {
            throw new PolicyDocumentException(element.name(), element.line(), e.getMessage());
        }
    }

    /**
     * The policy of these attributes (APIM's names, values compiled).
     *
     * @throws IllegalArgumentException saying which attribute is wrong
     */
    TokenLimit compile(Map<String, Expression> attributes) {
        return new TokenLimit(attributes.get("counter-key"), limits(attributes), limiter.get(),
                new LimitVariables(constant(attributes, "retry-after-variable-name"),
                        constant(attributes, "remaining-tokens-variable-name"),
                        constant(attributes, "remaining-quota-tokens-variable-name"),
                        constant(attributes, "tokens-consumed-variable-name")));
    }

    /**
     * The limits these attributes set, checked without a limiter (for a configuration file being read).
     *
     * @throws IllegalArgumentException saying which attribute is wrong
     */
    static TokenLimitPolicy limits(Map<String, Expression> attributes) {
        if (attributes.get("counter-key") == null) {
            throw new IllegalArgumentException("llm-token-limit needs counter-key");
        }
        Map<String, String> limits = new LinkedHashMap<>();
        for (String name : TokenLimitPolicy.ATTRIBUTES) {
            String value = constant(attributes, name);
            if (value != null) {
                limits.put(name, value);
            }
        }
        return TokenLimitPolicy.fromAttributes(limits);
    }

    /** A counter's limits stay the same for every call, so they are text or numbers, not expressions. */
    private static String constant(Map<String, Expression> attributes, String name) {
        Expression value = attributes.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isConstant()) {
            throw new IllegalArgumentException("the attribute '" + name + "' takes a value, not an expression, on"
                    + " this gateway");
        }
        return value.evaluateText(null);
    }
}
