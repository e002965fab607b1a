package dev.mcpgateway.gateway.policy.expression;

/**
 * Where a member chain stands while it is read: a value, or a path that is not a value yet ({@code context.Request},
 * a token's {@code Claims}) whose members the parser resolves statically. {@code value} is the base of a path, null
 * for {@code context}.
 */
record Chain(Expression value, String path) {

    static final String CLAIMS = "Jwt.Claims";

    static Chain of(Expression value) {
        return new Chain(value, null);
    }

    static Chain context() {
        return new Chain(null, "");
    }

    boolean isPath() {
        return path != null;
    }

    /** How a refusal names the path. */
    String shown() {
        return path.equals(CLAIMS) ? "Claims" : path.isEmpty() ? "context" : "context." + path;
    }
}
