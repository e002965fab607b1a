package dev.mcpgateway.gateway.policy.expression;

/** {@code !}; null stays null, as C#'s lifted bool. */
record Not(Expression operand) implements Expression {

    static Not of(Expression operand, int column) throws ExpressionException {
        Types.require(operand, "'!'", column, ValueType.BOOL);
        return new Not(operand);
    }

    @Override
    public Object evaluate(PolicyContext context) {
        Object value = operand.evaluate(context);
        return value == null ? null : !Values.isTrue(value);
    }

    @Override
    public ValueType type() {
        return ValueType.BOOL;
    }
}
