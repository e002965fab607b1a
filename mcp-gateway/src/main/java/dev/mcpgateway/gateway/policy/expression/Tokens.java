package dev.mcpgateway.gateway.policy.expression;

import java.util.ArrayList;
import java.util.List;

/** The lexer's tokens with the few tokens of lookahead that casts and type arguments need. */
final class Tokens {

    private final Lexer lexer;
    private final List<Token> ahead = new ArrayList<>();

    Tokens(Lexer lexer) {
        this.lexer = lexer;
    }

    Token peek(int distance) throws ExpressionException {
        while (ahead.size() <= distance) {
            ahead.add(lexer.next());
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
