package dev.mcpgateway.gateway.policy.expression;

/**
 * {@code context.Variables["x"]} (type object) and {@code context.Variables.GetValueOrDefault<T>("x", default)}: a
 * value of another type than T gives the default, where APIM would throw.
 */
record VariableRead(Expression name, Expression fallback, ValueType type) implements Expression {

    @Override
    public Object evaluate(PolicyContext context) {
        String key = name.evaluateText(context);
        Object value = key == null ? null : context.variable(key);
        Object typed = switch (type) {
            case STRING -> value instanceof String ? value : null;
            case INT -> Values.integer(value);
            case BOOL -> value instanceof Boolean ? value : null;
            default -> value;
        };
        return typed != null ? typed : fallback.evaluate(context);
    }
}
