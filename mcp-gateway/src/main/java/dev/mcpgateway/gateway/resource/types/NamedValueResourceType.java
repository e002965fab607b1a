package dev.mcpgateway.gateway.resource.types;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceSet;
import dev.mcpgateway.gateway.resource.ResourceType;
import java.util.List;
import java.util.Set;

/**
 * APIM's named value ({@code Microsoft.ApiManagement/service/namedValues}), referred to as {@code {{name}}}: a
 * literal {@code value}, which may itself be an {@code ${ENV}} reference (how a mounted or injected secret gets in).
 * Secret ones are never shown by GET. Key Vault references are refused: there is no Key Vault here.
 */
public final class NamedValueResourceType implements ResourceType {

    private static final Set<String> PROPERTIES = Set.of("displayName", "value", "secret", "tags", "keyVault");

    @Override
    public ResourceKind kind() {
        return ResourceKind.NAMED_VALUES;
    }

    @Override
    public ObjectNode normalise(String id, ObjectNode p, ResourceSet current, Resource before)
            throws InvalidDefinitionException {
        Fields.known(p, PROPERTIES, "");
        if (p.has("keyVault")) {
            throw new InvalidDefinitionException("keyVault", "Key Vault references are not supported; give the value"
                    + " or an ${ENV} reference as the value");
        }
        Fields.text(p, "displayName", "");
        if (Fields.text(p, "value", "") == null) {
            throw new InvalidDefinitionException("value", "is required");
        }
        if (p.has("tags") && !p.get("tags").isArray()) {
            throw new InvalidDefinitionException("tags", "must be a list of strings");
        }
        p.put("secret", Boolean.TRUE.equals(Fields.bool(p, "secret", "")));
        return p;
    }

    @Override
    public List<String> secretPointers(Resource resource) {
        return resource.properties().path("secret").asBoolean() ? List.of("/value") : List.of();
    }
}
