package dev.mcpgateway.gateway.policy.expression;

import java.util.List;
import java.util.Set;

/**
 * Recursive descent over C#'s operator precedence, for the operators of the subset: {@code ?:}, {@code ??},
 * {@code ||}, {@code &&}, equality, ordering, {@code +}, {@code !}, casts. Operands are read by {@link Postfix}.
 */
final class Parser {

    private static final Set<String> VALUE_WORDS = Set.of("context", "true", "false", "null");

    /** The binary operators, loosest first; all left-associative. */
    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("==", "!="),
            List.of("<", ">", "<=", ">="), List.of("+"));

    /** Deeper nesting is refused rather than risking the stack of the loading thread. */
    static final int MAX_NESTING = 64;

    private final Tokens tokens;
    private final Postfix postfix;
    private int nesting;

    Parser(CharSequence source, int start) {
        this.tokens = new Tokens(new Lexer(source, start));
        this.postfix = new Postfix(tokens, this);
    }

    /** The expression and the {@code )} closing {@code @(}; nothing may follow it. */
    Expression whole() throws ExpressionException {
        Expression expression = expression();
        tokens.expect(")");
        Token rest = tokens.peek();
        if (rest.kind() != Token.Kind.END) {
            throw new ExpressionException("text after the closing ')'", "is not allowed; an expression must be the"
                    + " whole value", rest.column());
        }
        return expression;
    }

    Expression expression() throws ExpressionException {
        Token first = tokens.peek();
        if (++nesting > MAX_NESTING) {
            throw new ExpressionException("nesting deeper than " + MAX_NESTING, "is not supported", first.column());
        }
        Expression condition = coalesce();
        Token question = tokens.peek();
        Expression result = condition;
        if (tokens.accept("?")) {
            Expression whenTrue = expression();
            tokens.expect(":");
            result = Conditional.of(condition, whenTrue, expression(), question.column());
        }
        nesting--;
        return result;
    }

    private Expression coalesce() throws ExpressionException {
        Expression left = binary(0);
        Token operator = tokens.peek();
        return tokens.accept("??") ? Coalesce.of(left, coalesce(), operator.column()) : left;
    }

    /** The left-associative binary operators, loosest first. */
    private Expression binary(int level) throws ExpressionException {
        if (level == LEVELS.size()) {
            return unary();
        }
        Expression left = binary(level + 1);
        for (Token operator = tokens.peek(); LEVELS.get(level).contains(operator.text())
                && operator.kind() == Token.Kind.SYMBOL; operator = tokens.peek()) {
            tokens.advance();
            Expression right = binary(level + 1);
            int column = operator.column();
            left = switch (operator.text()) {
                case "||" -> Logical.of(false, left, right, column);
                case "&&" -> Logical.of(true, left, right, column);
                case "+" -> Plus.of(left, right, column);
                default -> Comparison.of(operator.text(), left, right, column);
            };
        }
        return left;
    }

    private Expression unary() throws ExpressionException {
        Token first = tokens.peek();
        if (tokens.accept("!")) {
            return Not.of(parenthesisedOrUnary(), first.column());
        }
        if (first.is("-") && tokens.peek(1).kind() == Token.Kind.NUMBER) {
            tokens.advance();
            return new Constant(-(Long) tokens.advance().value(), ValueType.INT);
        }
        Token type = tokens.peek(1);
        if (first.is("(") && type.kind() == Token.Kind.IDENTIFIER && tokens.peek(2).is(")")
                && !VALUE_WORDS.contains(type.text())) {
            ValueType target = switch (type.text()) {
                case "string" -> ValueType.STRING;
                case "int", "long" -> ValueType.INT;
                case "bool" -> ValueType.BOOL;
                default -> throw new ExpressionException("the cast (" + type.text() + ")", "is not supported; only"
                        + " (string), (int) and (bool) are", first.column());
            };
            tokens.advance();
            tokens.advance();
            tokens.advance();
            return Cast.of(target, parenthesisedOrUnary(), first.column());
        }
        return postfix.operand();
    }

    /** An operand of a prefix operator, counted as nesting: {@code !!!!x} recurses as deeply as parentheses do. */
    private Expression parenthesisedOrUnary() throws ExpressionException {
        Token first = tokens.peek();
        if (++nesting > MAX_NESTING) {
            throw new ExpressionException("nesting deeper than " + MAX_NESTING, "is not supported", first.column());
        }
        Expression operand = unary();
        nesting--;
        return operand;
    }
}
