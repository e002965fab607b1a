package dev.mcpgateway.gateway.policy.expression;

/** {@code condition ? a : b}; a null condition chooses {@code b}. */
record Conditional(Expression condition, Expression whenTrue, Expression whenFalse, ValueType type)
        implements Expression {

    static Conditional of(Expression condition, Expression whenTrue, Expression whenFalse, int column)
            throws ExpressionException {
        Types.require(condition, "the condition of '?:'", column, ValueType.BOOL);
        return new Conditional(condition, whenTrue, whenFalse,
                Types.unify(whenTrue.type(), whenFalse.type(), "'?:'", column));
    }

    @Override
    public Object evaluate(PolicyContext context) {
        return condition.evaluateCondition(context) ? whenTrue.evaluate(context) : whenFalse.evaluate(context);
    }
}
