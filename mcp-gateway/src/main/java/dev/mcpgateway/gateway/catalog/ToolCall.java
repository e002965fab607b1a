package dev.mcpgateway.gateway.catalog;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code tools/call} as the catalog receives it.
 *
 * @param toolName  the tool's name as listed
 * @param arguments the call's arguments (never null; empty when the client sent none)
 * @param context   what the protocol layer knows about the call: cancellation, progress, caller
 */
public record ToolCall(String toolName, Map<String, Object> arguments, CallContext context) {
    public ToolCall {
        Objects.requireNonNull(toolName, "toolName");
        arguments = arguments == null ? Map.of() : arguments;
        Objects.requireNonNull(context, "context");
    }
}
