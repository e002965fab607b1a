package dev.mcpgateway.gateway.policy.expression;

import java.util.Arrays;

/** The compile-time type rules of the subset, as C# applies them; a violation is refused naming the operator. */
final class Types {

    private Types() {
    }

    static void require(Expression operand, String construct, int column, ValueType... allowed)
            throws ExpressionException {
        if (!Arrays.asList(allowed).contains(operand.type())) {
            throw new ExpressionException(construct, "needs " + names(allowed) + ", not "
                    + operand.type().csharpName(), column);
        }
    }

    /** Both operands of a binary operator must be of {@code allowed}. */
    static void requireBoth(Expression left, Expression right, String construct, int column, ValueType allowed)
            throws ExpressionException {
        require(left, construct, column, allowed);
        require(right, construct, column, allowed);
    }

    /** The type of {@code a ? x : y} and {@code x ?? y}: one type, null taking the other's, object absorbing all. */
    static ValueType unify(ValueType left, ValueType right, String construct, int column) throws ExpressionException {
        if (left == right || right == ValueType.NULL && (left.nullable() || left == ValueType.INT)) {
            return left;
        }
        if (left == ValueType.NULL && (right.nullable() || right == ValueType.INT)) {
            return right;
        }
        if ((left == ValueType.OBJECT || right == ValueType.OBJECT)
                && left != ValueType.ENTITY && right != ValueType.ENTITY) {
            return ValueType.OBJECT;
        }
        throw new ExpressionException(construct, "needs both sides of one type, not " + left.csharpName() + " and "
                + right.csharpName(), column);
    }

    /** Whether {@code ==} accepts the pair: the same type, null against a nullable, or object against anything. */
    static void comparable(Expression left, Expression right, String construct, int column)
            throws ExpressionException {
        ValueType l = left.type();
        ValueType r = right.type();
        boolean entity = l == ValueType.ENTITY || r == ValueType.ENTITY;
        boolean ok = entity ? l == ValueType.NULL || r == ValueType.NULL
                : l == r || l == ValueType.NULL || r == ValueType.NULL || l == ValueType.OBJECT
                        || r == ValueType.OBJECT;
        if (!ok) {
            throw new ExpressionException(construct, "cannot compare " + l.csharpName() + " with " + r.csharpName()
                    + (entity ? "; a context entity can only be compared with null" : ""), column);
        }
    }

    private static String names(ValueType... types) {
        return String.join(" or ", Arrays.stream(types).map(ValueType::csharpName).toList());
    }
}
