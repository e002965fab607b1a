package dev.mcpgateway.gateway.policy.expression;

/** The C# conversions evaluation needs, on the few runtime value types (String, Long/Integer, Boolean, Jwt). */
final class Values {

    private Values() {
    }

    /** As C#'s ToString() and string concatenation render a value; null stays null. */
    static String text(Object value) {
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        return value == null ? null : value.toString();
    }

    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || value instanceof String text && text.equalsIgnoreCase("true");
    }

    /** Value equality; numbers compare by value whatever their boxed width. */
    static boolean same(Object left, Object right) {
        if (left instanceof Number l && right instanceof Number r) {
            return l.longValue() == r.longValue();
        }
        return left == null ? right == null : left.equals(right);
    }

    static Long integer(Object value) {
        return value instanceof Number number ? Long.valueOf(number.longValue()) : null;
    }
}
