package dev.mcpgateway.openapi;

import java.util.Objects;

/**
 * A parameter whose value the gateway fixes (e.g. {@code api-version}): it is sent on every call of every
 * operation that declares it and never shown to the model. {@code in} is one of path, query, header, cookie.
 */
public record PinnedParameter(String in, String name, String value) {

    public PinnedParameter {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        in = in.toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Set.of("path", "query", "header", "cookie").contains(in)) {
            throw new IllegalArgumentException("pinned parameter location must be path, query, header or cookie: " + in);
        }
    }

    public static PinnedParameter query(String name, String value) {
        return new PinnedParameter("query", name, value);
    }

    public static PinnedParameter header(String name, String value) {
        return new PinnedParameter("header", name, value);
    }

    /** Header names compare case-insensitively, the others exactly. */
    public boolean matches(String location, String parameterName) {
        if (!in.equalsIgnoreCase(location)) {
            return false;
        }
        return "header".equals(in) ? name.equalsIgnoreCase(parameterName) : name.equals(parameterName);
    }
}
