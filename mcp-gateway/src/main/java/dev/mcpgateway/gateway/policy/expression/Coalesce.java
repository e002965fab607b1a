package dev.mcpgateway.gateway.policy.expression;

/** {@code a ?? b}. */
record Coalesce(Expression left, Expression right, ValueType type) implements Expression {

    static Coalesce of(Expression left, Expression right, int column) throws ExpressionException {
        if (!left.type().nullable()) {
            throw new ExpressionException("'??'", "needs a value that can be null on its left, not "
                    + left.type().csharpName(), column);
        }
        return new Coalesce(left, right, Types.unify(left.type(), right.type(), "'??'", column));
    }

    @Override
    public Object evaluate(PolicyContext context) {
        Object value = left.evaluate(context);
        return value != null ? value : right.evaluate(context);
    }
}
