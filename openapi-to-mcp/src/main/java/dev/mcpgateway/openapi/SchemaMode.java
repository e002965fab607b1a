package dev.mcpgateway.openapi;

/** How referenced schemas appear in a tool's input and output schemas. */
public enum SchemaMode {
    /** Non-recursive references are inlined; recursive ones become {@code $defs} entries with local {@code $ref}s. */
    DEFS,
    /** Everything is inlined, for clients that cannot take {@code $ref}; a cycle is cut with a described stub. */
    INLINE
}
