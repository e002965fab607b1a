package dev.mcpgateway.gateway.resource.types;

import dev.mcpgateway.gateway.resource.ResourceType;
import java.util.List;

/** Every kind of resource of the management model, with the rules each one's properties follow. */
public final class ResourceTypes {

    private ResourceTypes() {
    }

    public static List<ResourceType> all() {
        return List.of(new NamedValueResourceType(), new BackendResourceType(), new LlmApiResourceType(),
                new ProductResourceType(), new ProductApiResourceType(), new SubscriptionResourceType(),
                new PolicyResourceType());
    }
}
