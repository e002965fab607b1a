package dev.mcpgateway.openapi;

/**
 * An administrator's override for one operation (keyed by operationId, or by {@code "METHOD /path"} when the
 * operation has none). Null fields keep what the spec says. {@code mediaType} picks the request body media type.
 */
public record OperationOverride(String name, String description, String mediaType) {

    public static OperationOverride name(String name) {
        return new OperationOverride(name, null, null);
    }

    public static OperationOverride description(String description) {
        return new OperationOverride(null, description, null);
    }

    public static OperationOverride mediaType(String mediaType) {
        return new OperationOverride(null, null, mediaType);
    }
}
