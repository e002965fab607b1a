package dev.mcpgateway.gateway.policy.expression;

/** {@code &&} and {@code ||}, short-circuiting; a null operand counts as false. */
record Logical(boolean and, Expression left, Expression right) implements Expression {

    static Logical of(boolean and, Expression left, Expression right, int column) throws ExpressionException {
        Types.requireBoth(left, right, and ? "'&&'" : "'||'", column, ValueType.BOOL);
        return new Logical(and, left, right);
    }

    @Override
    public Object evaluate(PolicyContext context) {
        boolean first = left.evaluateCondition(context);
        if (and ? !first : first) {
            return first;
        }
        return right.evaluateCondition(context);
    }

    @Override
    public ValueType type() {
        return ValueType.BOOL;
    }
}
