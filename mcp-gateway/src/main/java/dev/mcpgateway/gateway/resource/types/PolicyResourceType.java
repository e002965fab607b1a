package dev.mcpgateway.gateway.resource.types;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceSet;
import dev.mcpgateway.gateway.resource.ResourceType;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyDocuments;
import dev.mcpgateway.gateway.policy.xml.PolicyFormat;
import java.util.Set;

/**
 * APIM's policy document ({@code {"format": "rawxml" | "xml", "value": "<policies>...</policies>"}}) at a scope:
 * {@code global}, {@code apis/x}, {@code products/x} or {@code apis/x/operations/y}. Read when written: an element,
 * attribute or expression outside what the gateway supports is refused naming it and its line, never kept to be
 * ignored. The policy engine compiles and applies them (ADR 0602).
 */
public final class PolicyResourceType implements ResourceType {

    private static final Set<String> PROPERTIES = Set.of("format", "value");

    @Override
    public ResourceKind kind() {
        return ResourceKind.POLICIES;
    }

    @Override
    public ObjectNode normalise(String id, ObjectNode p, ResourceSet current, Resource before)
            throws InvalidDefinitionException {
        if (!id.equals("global") && !id.matches("(apis|products)/[^/]+|apis/[^/]+/operations/[^/]+")) {
            throw new InvalidDefinitionException("id", "a policy's scope is global, apis/{id}, products/{id} or"
                    + " apis/{id}/operations/{operationId}");
        }
        Fields.known(p, PROPERTIES, "");
        String format = Fields.oneOf(p, "format", "", "xml", "rawxml");
        p.put("format", format == null ? "xml" : format);
        String value = Fields.text(p, "value", "");
        if (value == null) {
            throw new InvalidDefinitionException("value", "is required: the policy document");
        }
        try {
            PolicyDocuments.read(value, PolicyFormat.of(p.get("format").asText()));
        } catch (PolicyDocumentException e) {
            throw new InvalidDefinitionException("value", e.getMessage());
        }
        return p;
    }
}
