package dev.mcpgateway.gateway.policy.expression;

/** {@code +}: string concatenation when either side is a string (null reads as empty), else int addition. */
record Plus(Expression left, Expression right, ValueType type) implements Expression {

    static Plus of(Expression left, Expression right, int column) throws ExpressionException {
        if (left.type() == ValueType.STRING || right.type() == ValueType.STRING) {
            for (Expression side : new Expression[] {left, right}) {
                if (side.type() == ValueType.ENTITY || side.type() == ValueType.JWT) {
                    throw new ExpressionException("'+'", "cannot join a " + side.type().csharpName()
                            + " to a string", column);
                }
            }
            return new Plus(left, right, ValueType.STRING);
        }
        Types.requireBoth(left, right, "'+'", column, ValueType.INT);
        return new Plus(left, right, ValueType.INT);
    }

    @Override
    public Object evaluate(PolicyContext context) {
        Object l = left.evaluate(context);
        Object r = right.evaluate(context);
        if (type == ValueType.STRING) {
            String a = Values.text(l);
            String b = Values.text(r);
            return (a == null ? "" : a).concat(b == null ? "" : b);
        }
        Long a = Values.integer(l);
        Long b = Values.integer(r);
        return a == null || b == null ? null : Long.valueOf(a + b);
    }
}
