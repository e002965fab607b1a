package dev.mcpgateway.gateway.policy.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexer's tokens with the few tokens of lookahead that casts and type arguments need. An expression is bounded in
 * tokens, which bounds the depth of its tree and so of its evaluation.
 */
final class Tokens {

    static final int MAX_TOKENS = 1000;

    private final Lexer lexer;
    private final List<Token> ahead = new ArrayList<>();
    private int read;

    Tokens(Lexer lexer) {
        this.lexer = lexer;
    }

    Token peek(int distance) throws ExpressionException {
        while (ahead.size() <= distance) {
            Token token = lexer.next();
            if (++read > MAX_TOKENS) {
                throw new ExpressionException("an expression of more than " + MAX_TOKENS + " tokens",
                        "is not supported", token.column());
            }
            ahead.add(token);
        }
        return ahead.get(distance);
    }

    Token peek() throws ExpressionException {
        return peek(0);
    }

    Token advance() throws ExpressionException {
        Token token = peek();
        ahead.remove(0);
        return token;
    }

    boolean accept(String symbol) throws ExpressionException {
        if (peek().is(symbol)) {
            advance();
            return true;
        }
        return false;
    }

    Token expect(String symbol) throws ExpressionException {
        if (!peek().is(symbol)) {
            throw Unsupported.at(peek(), "'" + symbol + "'");
        }
        return advance();
    }

    Token expectIdentifier(String expected) throws ExpressionException {
        if (peek().kind() != Token.Kind.IDENTIFIER) {
            throw Unsupported.at(peek(), expected);
        }
        return advance();
    }
}
