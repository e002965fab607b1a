package dev.mcpgateway.gateway.admin.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.admin.AdminRequests;
import dev.mcpgateway.gateway.resource.ManagementState;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceType;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What every resource controller shares: the state, the types, and the one body and problem handling. */
@Singleton
public final class AdminResources {

    private final ManagementState state;
    private final Map<ResourceKind, ResourceType> types = new EnumMap<>(ResourceKind.class);
    private final ObjectMapper json;
    private final AdminRequests requests;

    public AdminResources(ManagementState state, List<ResourceType> types, ObjectMapper json) {
        this.state = state;
        types.forEach(t -> this.types.put(t.kind(), t));
        this.json = json;
        this.requests = new AdminRequests(json);
    }

    public ResourceEndpoints endpoints(ResourceKind kind) {
        return new ResourceEndpoints(state, kind, types, json);
    }

    AdminRequests requests() {
        return requests;
    }

    ManagementState state() {
        return state;
    }
}
