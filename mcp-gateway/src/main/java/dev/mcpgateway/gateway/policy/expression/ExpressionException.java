package dev.mcpgateway.gateway.policy.expression;

/**
 * An expression is refused at compile time. The message names the construct and its column (1-based, counted in the
 * value as written, {@code @(} included) and is written for the policy author; it never carries parser internals.
 */
public class ExpressionException extends Exception {

    private final String construct;
    private final int column;

    public ExpressionException(String construct, String problem, int column) {
        super(construct + " " + problem + " (column " + column + ")");
        this.construct = construct;
        this.column = column;
    }

    /** The refused construct as the author wrote or would name it, e.g. {@code lambda (=>)}. */
    public String construct() {
        return construct;
    }

    public int column() {
        return column;
    }
}
