package dev.mcpgateway.gateway.policy.expression;

/** {@code context.Variables.ContainsKey("x")}. */
record VariableExists(Expression name) implements Expression {

    @Override
    public Object evaluate(PolicyContext context) {
        String key = name.evaluateText(context);
        return key != null && context.variable(key) != null;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOL;
    }
}
