package dev.mcpgateway.gateway.policy.expression;

/** One lexical token; {@code column} is 1-based in the value as written. */
record Token(Kind kind, String text, int column, Object value) {

    enum Kind { IDENTIFIER, STRING, NUMBER, SYMBOL, END }

    boolean is(String symbolOrWord) {
        return (kind == Kind.SYMBOL || kind == Kind.IDENTIFIER) && text.equals(symbolOrWord);
    }

    /** How a refusal names this token. */
    String shown() {
        return kind == Kind.END ? "the end of the expression" : "'" + text + "'";
    }
}
