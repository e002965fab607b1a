package dev.mcpgateway.gateway.policy.headers;

/** What {@code set-header} and {@code set-query-parameter} do with a name the message has already. */
public enum ExistsAction {
    /** The values replace what is there (APIM's default). */
    OVERRIDE,
    /** What is there stays; the values are set only when the name is absent. */
    SKIP,
    /** The values are added after what is there. */
    APPEND,
    /** The name is removed; the values are ignored. */
    DELETE
}
