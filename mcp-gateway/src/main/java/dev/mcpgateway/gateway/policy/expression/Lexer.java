package dev.mcpgateway.gateway.policy.expression;

import java.util.List;

/**
 * Splits C# expression text into tokens on demand, so that a refusal reports the first offending construct. Refuses
 * at once what cannot be part of the subset at all: character literals, interpolated strings, non-integer numbers.
 */
final class Lexer {

    private static final List<String> SYMBOLS = List.of("?.", "??", "==", "!=", "<=", ">=", "&&", "||", "=>", "++",
            "--", "+=", "-=", "*=", "/=", "+", "-", "*", "/", "%", "<", ">", "!", "?", ":", ".", ",", "(", ")", "[",
            "]", "=", ";", "{", "}", "&", "|", "^", "~");

    private final CharSequence source;
    private int at;

    Lexer(CharSequence source, int start) {
        this.source = source;
        this.at = start;
    }

    Token next() throws ExpressionException {
        while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
            at++;
        }
        int start = at;
        if (at >= source.length()) {
            return new Token(Token.Kind.END, "", start + 1, null);
        }
        char c = source.charAt(at);
        if (Character.isLetter(c) || c == '_') {
            while (at < source.length() && (Character.isLetterOrDigit(source.charAt(at)) || source.charAt(at) == '_')) {
                at++;
            }
            return new Token(Token.Kind.IDENTIFIER, text(start), start + 1, null);
        }
        if (Character.isDigit(c)) {
            return number(start);
        }
        if (c == '"' || c == '@' && peek(1) == '"') {
            return StringLiterals.read(source, start, this::advanceTo);
        }
        if (c == '\'') {
            throw new ExpressionException("a character literal", "is not supported; use a string", start + 1);
        }
        if (c == '$') {
            throw new ExpressionException("an interpolated string ($\"...\")", "is not supported; use +", start + 1);
        }
        for (String symbol : SYMBOLS) {
            if (matches(symbol)) {
                at += symbol.length();
                return new Token(Token.Kind.SYMBOL, symbol, start + 1, null);
            }
        }
        throw new ExpressionException("the character '" + c + "'", "is not supported", start + 1);
    }

    private Token number(int start) throws ExpressionException {
        while (at < source.length() && Character.isDigit(source.charAt(at))) {
            at++;
        }
        char after = peek(0);
        if (after == '.' && Character.isDigit(peek(1)) || Character.isLetter(after) || after == '_') {
            throw new ExpressionException("the number " + text(start) + after, "is not supported; only whole"
                    + " numbers are", start + 1);
        }
        try {
            return new Token(Token.Kind.NUMBER, text(start), start + 1, Long.valueOf(text(start)));
        } catch (NumberFormatException tooLarge) {
            throw new ExpressionException("the number " + text(start), "is too large", start + 1);
        }
    }

    private void advanceTo(int position) {
        at = position;
    }

    private boolean matches(String symbol) {
        for (int i = 0; i < symbol.length(); i++) {
            if (peek(i) != symbol.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private char peek(int ahead) {
        return at + ahead < source.length() ? source.charAt(at + ahead) : '\0';
    }

    private String text(int start) {
        return source.subSequence(start, at).toString();
    }
}
