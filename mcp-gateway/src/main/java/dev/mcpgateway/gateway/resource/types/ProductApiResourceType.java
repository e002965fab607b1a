package dev.mcpgateway.gateway.resource.types;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceRef;
import dev.mcpgateway.gateway.resource.ResourceSet;
import dev.mcpgateway.gateway.resource.ResourceType;
import java.util.List;

/** The link {@code /products/{productId}/apis/{apiId}}: its id is {@code productId/apiId}; it has no properties. */
public final class ProductApiResourceType implements ResourceType {

    public static String id(String productId, String apiId) {
        return productId + "/" + apiId;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.PRODUCT_APIS;
    }

    @Override
    public ObjectNode normalise(String id, ObjectNode p, ResourceSet current, Resource before)
            throws InvalidDefinitionException {
        if (id.indexOf('/') < 1 || id.indexOf('/') != id.lastIndexOf('/')) {
            throw new InvalidDefinitionException("id", "a product API is named productId/apiId");
        }
        return p.objectNode(); // APIM answers a link with the API's contract; there is nothing of its own to keep
    }

    @Override
    public List<ResourceRef> references(Resource resource) {
        String[] parts = resource.id().split("/", 2);
        return List.of(new ResourceRef(ResourceKind.PRODUCTS, parts[0], "productId"),
                new ResourceRef(ResourceKind.APIS, parts[1], "apiId"));
    }
}
