package dev.mcpgateway.gateway.resource;

/**
 * A reference from one resource to another, in APIM's short form ({@code /backends/b1}, {@code /products/ai}).
 *
 * @param field where the reference was written, for messages ({@code pool.services[1].id})
 */
public record ResourceRef(ResourceKind kind, String id, String field) {

    /** {@code /backends/b1}: the form APIM's own references take, and the one answers show. */
    public String path() {
        return kind.path(id);
    }
}
