package dev.mcpgateway.gateway.policy.expression;

import java.util.function.IntConsumer;

/** C# string literals: regular ones with their escapes, and verbatim ones ({@code @"..."}, {@code ""} for a quote). */
final class StringLiterals {

    private StringLiterals() {
    }

    /** Reads the literal starting at {@code start}; reports the position after it to {@code end}. */
    static Token read(CharSequence source, int start, IntConsumer end) throws ExpressionException {
        boolean verbatim = source.charAt(start) == '@';
        int at = start + (verbatim ? 2 : 1);
        StringBuilder value = new StringBuilder();
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == '"' && verbatim && at + 1 < source.length() && source.charAt(at + 1) == '"') {
                value.append('"');
                at += 2;
            } else if (c == '"') {
                end.accept(at + 1);
                return new Token(Token.Kind.STRING, source.subSequence(start, at + 1).toString(), start + 1,
                        value.toString());
            } else if (c == '\\' && !verbatim) {
                at = escape(source, at, value);
            } else if ((c == '\n' || c == '\r') && !verbatim) {
                break;
            } else {
                value.append(c);
                at++;
            }
        }
        throw new ExpressionException("a string", "is not closed", start + 1);
    }

    private static int escape(CharSequence source, int at, StringBuilder value) throws ExpressionException {
        char code = at + 1 < source.length() ? source.charAt(at + 1) : '\0';
        switch (code) {
            case '\'', '"', '\\' -> value.append(code);
            case '0' -> value.append('\0');
            case 'a' -> value.append('\u0007');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'v' -> value.append('\u000B');
            case 'u' -> {
                return hex(source, at, 4, 4, value);
            }
            case 'x' -> {
                return hex(source, at, 1, 4, value);
            }
            default -> throw new ExpressionException("the escape \\" + code, "is not a C# escape", at + 1);
        }
        return at + 2;
    }

    private static int hex(CharSequence source, int at, int min, int max, StringBuilder value)
            throws ExpressionException {
        int digits = 0;
        int code = 0;
        while (digits < max && at + 2 + digits < source.length()
                && Character.digit(source.charAt(at + 2 + digits), 16) >= 0) {
            code = code * 16 + Character.digit(source.charAt(at + 2 + digits), 16);
            digits++;
        }
        if (digits < min) {
            throw new ExpressionException("the escape \\" + source.charAt(at + 1), "needs hexadecimal digits", at + 1);
        }
        value.append((char) code);
        return at + 2 + digits;
    }
}
