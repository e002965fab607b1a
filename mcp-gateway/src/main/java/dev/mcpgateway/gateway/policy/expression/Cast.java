package dev.mcpgateway.gateway.policy.expression;

/** {@code (string)}, {@code (int)}, {@code (bool)} of an object; a value of another type gives null, not an error. */
record Cast(ValueType type, Expression operand) implements Expression {

    static Cast of(ValueType target, Expression operand, int column) throws ExpressionException {
        ValueType from = operand.type();
        boolean fromNull = from == ValueType.NULL && target == ValueType.STRING;
        if (from != target && from != ValueType.OBJECT && !fromNull) {
            throw new ExpressionException("the cast (" + target.csharpName() + ")", "cannot convert "
                    + from.csharpName() + (target == ValueType.STRING ? "; use .ToString()" : ""), column);
        }
        return new Cast(target, operand);
    }

    @Override
    public Object evaluate(PolicyContext context) {
        Object value = operand.evaluate(context);
        return switch (type) {
            case STRING -> value instanceof String ? value : null;
            case INT -> Values.integer(value);
            default -> value instanceof Boolean ? value : null;
        };
    }
}
