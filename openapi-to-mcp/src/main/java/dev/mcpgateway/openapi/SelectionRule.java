package dev.mcpgateway.openapi;

import java.util.Objects;

/**
 * One include or exclude rule. Patterns are globs ({@code *} any run of characters except {@code /} in paths,
 * {@code **} anything, {@code ?} one character); operationId, tag and method compare case-insensitively.
 */
public record SelectionRule(Kind kind, String pattern) {

    public enum Kind { OPERATION_ID, TAG, PATH, METHOD }

    public SelectionRule {
        Objects.requireNonNull(kind, "kind");
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("selection pattern must not be blank");
        }
    }

    public static SelectionRule operationId(String glob) {
        return new SelectionRule(Kind.OPERATION_ID, glob);
    }

    public static SelectionRule tag(String glob) {
        return new SelectionRule(Kind.TAG, glob);
    }

    public static SelectionRule path(String glob) {
        return new SelectionRule(Kind.PATH, glob);
    }

    public static SelectionRule method(String method) {
        return new SelectionRule(Kind.METHOD, method);
    }
}
