package dev.mcpgateway.openapi;

import java.util.Objects;

/**
 * An operation that did not become a tool, and why. {@code operation} is the operationId when there is one,
 * else {@code "METHOD /path"}; {@code excluded} tells a selection rule apart from a conversion failure.
 */
public record SkippedOperation(String operation, String reason, boolean excluded) {

    public SkippedOperation {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reason, "reason");
    }

    public SkippedOperation(String operation, String reason) {
        this(operation, reason, false);
    }
}
