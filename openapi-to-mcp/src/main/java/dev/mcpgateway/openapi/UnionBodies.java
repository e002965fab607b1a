package dev.mcpgateway.openapi;

/** How a request body whose top level is a {@code oneOf}/{@code anyOf} of object variants reaches the model. */
public enum UnionBodies {
    /** One argument holding the union as written (exact validation; the model fills a nested object). */
    ARGUMENT,
    /**
     * The variants' properties become top-level arguments (optional unless required by every variant) and the
     * discriminator, if any, a required argument listing the variant values: for clients that reject unions at
     * the top of a schema and models that handle flat arguments better. Validation is looser; the API decides.
     */
    HOIST,
    /**
     * One tool per variant, named after the operation and the variant (discriminator value, title, schema name,
     * else {@code variantN}), whose inputSchema is that variant only; the discriminator, when there is one, is set
     * by the gateway and is not an argument. Exact validation with flat arguments, at the cost of more tools.
     */
    SPLIT
}
