package dev.mcpgateway.gateway.policy.expression;

import java.util.Locale;

/** The string members of the subset, and {@code string.IsNullOrEmpty}; a null receiver gives null, as {@code ?.}. */
record StringCall(Method method, Expression target, Expression argument) implements Expression {

    enum Method {
        TO_STRING("ToString", ValueType.STRING),
        TO_LOWER("ToLower", ValueType.STRING),
        TO_UPPER("ToUpper", ValueType.STRING),
        CONTAINS("Contains", ValueType.BOOL),
        STARTS_WITH("StartsWith", ValueType.BOOL),
        ENDS_WITH("EndsWith", ValueType.BOOL),
        LENGTH("Length", ValueType.INT),
        AS_JWT("AsJwt", ValueType.JWT),
        IS_NULL_OR_EMPTY("IsNullOrEmpty", ValueType.BOOL);

        final String csharpName;
        final ValueType result;

        Method(String csharpName, ValueType result) {
            this.csharpName = csharpName;
            this.result = result;
        }

        boolean takesArgument() {
            return this == CONTAINS || this == STARTS_WITH || this == ENDS_WITH;
        }
    }

    @Override
    public Object evaluate(PolicyContext context) {
        String text = target.evaluateText(context);
        if (method == Method.IS_NULL_OR_EMPTY) {
            return text == null || text.isEmpty();
        }
        if (text == null) {
            return null;
        }
        return switch (method) {
            case TO_LOWER -> text.toLowerCase(Locale.ROOT);
            case TO_UPPER -> text.toUpperCase(Locale.ROOT);
            case LENGTH -> Long.valueOf(text.length());
            case AS_JWT -> Jwt.parse(text);
            case CONTAINS, STARTS_WITH, ENDS_WITH -> test(text, argument.evaluateText(context));
            default -> text;
        };
    }

    private Boolean test(String text, String part) {
        if (part == null) {
            return null;
        }
        return method == Method.CONTAINS ? text.contains(part)
                : method == Method.STARTS_WITH ? text.startsWith(part) : text.endsWith(part);
    }

    @Override
    public ValueType type() {
        return method.result;
    }
}
