package dev.mcpgateway.gateway.policy.expression;

/**
 * Compiles an attribute or element value as APIM reads it: a value starting with {@code @(} is one C# expression of
 * the subset and must be the whole value; text is a constant. Multi-statement {@code @{...}} blocks are refused, and
 * so is {@code @(} inside text, which APIM would pass on literally where the author meant an expression. Compile
 * once at load; the result is evaluated per call without parsing.
 */
public final class Expressions {

    private Expressions() {
    }

    public static Expression compile(CharSequence value) throws ExpressionException {
        int start = start(value);
        if (startsWith(value, start, "@{")) {
            throw new ExpressionException("a multi-statement expression @{...}", "is not supported; write one"
                    + " @(...) expression", start + 1);
        }
        if (!startsWith(value, start, "@(")) {
            String text = value.toString();
            int embedded = text.indexOf("@(");
            if (embedded >= 0) {
                throw new ExpressionException("an expression inside text", "is not supported; an expression must"
                        + " be the whole value, e.g. @(\"text \" + ...)", embedded + 1);
            }
            return Expression.constant(text);
        }
        return new Parser(value, start + 2).whole();
    }

    /** Whether the value is written as an expression ({@code @(...)} or {@code @{...}}) rather than as text. */
    public static boolean isExpression(CharSequence value) {
        int start = start(value);
        return startsWith(value, start, "@(") || startsWith(value, start, "@{");
    }

    private static int start(CharSequence value) {
        int start = 0;
        while (start < value.length() && Character.isWhitespace(value.charAt(start))) {
            start++;
        }
        return start;
    }

    private static boolean startsWith(CharSequence value, int at, String prefix) {
        return value.length() >= at + prefix.length()
                && value.subSequence(at, at + prefix.length()).toString().equals(prefix);
    }
}
