package dev.mcpgateway.gateway.policy.expression;

/** A literal or plain text. */
record Constant(Object value, ValueType type) implements Expression {

    static final Constant NULL = new Constant(null, ValueType.NULL);

    @Override
    public Object evaluate(PolicyContext context) {
        return value;
    }

    @Override
    public boolean isConstant() {
        return true;
    }
}
