package dev.mcpgateway.gateway.policy.expression;

/** {@code == != < > <= >=}; ordering compares ints only, and a null operand makes an ordering false, as C#'s lifting. */
record Comparison(String operator, Expression left, Expression right) implements Expression {

    static Comparison of(String operator, Expression left, Expression right, int column) throws ExpressionException {
        String construct = "'" + operator + "'";
        if (operator.equals("==") || operator.equals("!=")) {
            Types.comparable(left, right, construct, column);
        } else {
            Types.requireBoth(left, right, construct, column, ValueType.INT);
        }
        return new Comparison(operator, left, right);
    }

    @Override
    public Object evaluate(PolicyContext context) {
        Object l = left.evaluate(context);
        Object r = right.evaluate(context);
        if (operator.equals("==")) {
            return Values.same(l, r);
        }
        if (operator.equals("!=")) {
            return !Values.same(l, r);
        }
        if (!(l instanceof Number first) || !(r instanceof Number second)) {
            return false;
        }
        long a = first.longValue();
        long b = second.longValue();
        return switch (operator) {
            case "<" -> a < b;
            case ">" -> a > b;
            case "<=" -> a <= b;
            default -> a >= b;
        };
    }

    @Override
    public ValueType type() {
        return ValueType.BOOL;
    }
}
