package dev.mcpgateway.gateway.policy.expression;

/**
 * A member of {@code context}: a string such as {@code context.Subscription.Id}, or an entity compared with null
 * ({@code context.Subscription}), which is present when its id is known.
 */
record ContextRead(ContextValue value, ValueType type) implements Expression {

    @Override
    public Object evaluate(PolicyContext context) {
        return context.value(value);
    }
}
