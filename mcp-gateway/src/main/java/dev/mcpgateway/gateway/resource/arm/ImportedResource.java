package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One resource in the admin shape.
 *
 * @param collection {@code backends}, {@code named-values}, {@code apis}, {@code operations}, {@code tools},
 *                   {@code products}, {@code product-apis}, {@code subscriptions} or {@code policies}
 * @param parentId   the API for operations and tools, the product for product-apis, the scope path for policies
 *                   ({@code ""} global, {@code /apis/x}, {@code /products/x}, {@code /apis/x/operations/y});
 *                   {@code ""} for top-level resources
 * @param id         the resource's own name; the API id for product-apis; always {@code policy} for policies
 * @param properties API Management's {@code properties} object, template expressions evaluated and references
 *                   shortened to {@code /backends/x}, {@code /apis/x}, {@code /products/x}
 */
public record ImportedResource(String collection, String parentId, String id, ObjectNode properties) {

    public ImportedResource {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(properties, "properties");
    }
}
