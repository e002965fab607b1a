package dev.mcpgateway.gateway.policy.expression;

/** {@code context.Response.StatusCode}: null before a response exists, which makes an ordering false. */
record ResponseStatus() implements Expression {

    @Override
    public Object evaluate(PolicyContext context) {
        return context.responseStatusCode();
    }

    @Override
    public ValueType type() {
        return ValueType.INT;
    }
}
