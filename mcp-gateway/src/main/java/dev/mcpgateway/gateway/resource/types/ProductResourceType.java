package dev.mcpgateway.gateway.resource.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceSet;
import dev.mcpgateway.gateway.resource.ResourceType;
import java.util.Set;

/**
 * APIM's product: what a subscription grants. Its APIs are linked as {@code /products/{id}/apis/{apiId}}. Our
 * addition {@code deployments} narrows which model deployments its subscribers may call (empty: all).
 */
public final class ProductResourceType implements ResourceType {

    private static final Set<String> PROPERTIES = Set.of("displayName", "description", "terms",
            "subscriptionRequired", "approvalRequired", "subscriptionsLimit", "state", "deployments");

    @Override
    public ResourceKind kind() {
        return ResourceKind.PRODUCTS;
    }

    @Override
    public ObjectNode normalise(String id, ObjectNode p, ResourceSet current, Resource before)
            throws InvalidDefinitionException {
        Fields.known(p, PROPERTIES, "");
        Fields.displayName(p, id);
        Fields.text(p, "description", "");
        Fields.text(p, "terms", "");
        p.put("subscriptionRequired", !Boolean.FALSE.equals(Fields.bool(p, "subscriptionRequired", "")));
        Fields.bool(p, "approvalRequired", "");
        Fields.integer(p, "subscriptionsLimit", 0, Integer.MAX_VALUE, "");
        String state = Fields.oneOf(p, "state", "", "published", "notPublished");
        p.put("state", state == null ? "published" : state);
        JsonNode deployments = p.get("deployments");
        if (deployments != null && !deployments.isNull() && !deployments.isArray()) {
            throw new InvalidDefinitionException("deployments", "must be a list of deployment or model names");
        }
        return p;
    }
}
