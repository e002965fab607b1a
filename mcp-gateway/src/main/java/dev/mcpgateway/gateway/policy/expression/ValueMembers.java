package dev.mcpgateway.gateway.policy.expression;

import java.util.List;

/** The members of values: the string methods of the subset, {@code ToString()}, and a token's Subject and Claims. */
final class ValueMembers {

    private ValueMembers() {
    }

    static Chain property(Expression target, String name, int column) throws ExpressionException {
        ValueType type = target.type();
        if (type == ValueType.STRING && name.equals("Length")) {
            return Chain.of(new StringCall(StringCall.Method.LENGTH, target, null));
        }
        if (type == ValueType.JWT && name.equals("Subject")) {
            return Chain.of(new JwtClaim(target, new Constant("sub", ValueType.STRING), Constant.NULL));
        }
        if (type == ValueType.JWT && name.equals("Claims")) {
            return new Chain(target, Chain.CLAIMS);
        }
        throw refused(name, type, column);
    }

    static Chain method(Expression target, String name, List<Expression> arguments, int column)
            throws ExpressionException {
        StringCall.Method method = methodNamed(name);
        ValueType type = target.type();
        boolean applies = method != null && method != StringCall.Method.LENGTH
                && method != StringCall.Method.IS_NULL_OR_EMPTY
                && (type == ValueType.STRING || method == StringCall.Method.TO_STRING
                && (type == ValueType.INT || type == ValueType.BOOL || type == ValueType.OBJECT));
        if (!applies) {
            throw refused(name, type, column);
        }
        int expected = method.takesArgument() ? 1 : 0;
        if (arguments.size() != expected) {
            throw new ExpressionException(name + " with " + arguments.size() + " arguments", "is not supported;"
                    + " it takes " + expected, column);
        }
        Expression argument = expected == 0 ? null : arguments.get(0);
        if (argument != null) {
            Types.require(argument, "the argument of " + name, column, ValueType.STRING, ValueType.NULL);
        }
        return Chain.of(new StringCall(method, target, argument));
    }

    private static StringCall.Method methodNamed(String name) {
        for (StringCall.Method method : StringCall.Method.values()) {
            if (method.csharpName.equals(name)) {
                return method;
            }
        }
        return null;
    }

    private static ExpressionException refused(String name, ValueType type, int column) {
        String hint = type == ValueType.OBJECT ? "; cast the variable first, e.g. (string)" : "";
        return new ExpressionException(Unsupported.member(name, type.csharpName()), "is not supported" + hint,
                column);
    }
}
