package dev.mcpgateway.gateway.policy.expression;

/**
 * Compiles an attribute or element value as APIM reads it: a value starting with {@code @(} is one C# expression of
 * the subset (and must be the whole value), anything else is a constant. Multi-statement {@code @{...}} blocks are
 * refused. Compile once at load; the result is evaluated per call without parsing.
 */
public final class Expressions {

    private Expressions() {
    }

    public static Expression compile(CharSequence value) throws ExpressionException {
        int start = 0;
        while (start < value.length() && Character.isWhitespace(value.charAt(start))) {
            start++;
        }
        if (startsWith(value, start, "@{")) {
            throw new ExpressionException("a multi-statement expression @{...}", "is not supported; write one"
                    + " @(...) expression", start + 1);
        }
        if (!startsWith(value, start, "@(")) {
            return Expression.constant(value.toString());
        }
        return new Parser(value, start + 2).whole();
    }

    private static boolean startsWith(CharSequence value, int at, String prefix) {
        return value.length() >= at + prefix.length()
                && value.subSequence(at, at + prefix.length()).toString().equals(prefix);
    }
}
