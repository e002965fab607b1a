package dev.mcpgateway.gateway.resource.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.References;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceRef;
import dev.mcpgateway.gateway.resource.ResourceSet;
import dev.mcpgateway.gateway.resource.ResourceType;
import java.util.List;
import java.util.Set;

/**
 * An API of type {@code azure-openai} or {@code openai}: model calls under its {@code path} ({@code openai} serves
 * {@code /openai/deployments/{id}/chat/completions}; {@code ""} serves {@code /deployments/{id}/...}), relayed to its
 * {@code backendId} (a single backend or a pool) or, without one, to the backend whose {@code models} name the
 * deployment. APIM's {@code subscriptionRequired} and {@code subscriptionKeyParameterNames} say how callers present
 * their key.
 */
public final class LlmApiResourceType implements ResourceType {

    public static final Set<String> TYPES = Set.of("azure-openai", "openai");

    private static final Set<String> PROPERTIES = Set.of("type", "apiType", "displayName", "description", "path",
            "protocols", "serviceUrl", "backendId", "subscriptionRequired", "subscriptionKeyParameterNames",
            "apiVersion", "isCurrent");

    @Override
    public ResourceKind kind() {
        return ResourceKind.APIS;
    }

    @Override
    public ObjectNode normalise(String id, ObjectNode p, ResourceSet current, Resource before)
            throws InvalidDefinitionException {
        Fields.known(p, PROPERTIES, "");
        String type = Fields.oneOf(p, "type", "", "azure-openai", "openai");
        if (type == null) {
            throw new InvalidDefinitionException("type", "is required: azure-openai or openai");
        }
        p.put("type", type);
        p.remove("apiType");
        Fields.displayName(p, id);
        Fields.text(p, "description", "");
        String path = path(p);
        for (Resource other : current.all(ResourceKind.APIS)) {
            if (!other.id().equals(id) && TYPES.contains(other.text("type")) && path.equals(other.text("path"))) {
                throw new InvalidDefinitionException("path", "'" + path + "' is already the path of API '"
                        + other.id() + "'");
            }
        }
        JsonNode protocols = p.get("protocols");
        if (protocols != null && !protocols.isArray()) {
            throw new InvalidDefinitionException("protocols", "must be a list such as [\"https\"]");
        }
        if (p.has("serviceUrl")) {
            throw new InvalidDefinitionException("serviceUrl", "a model API relays to a backend: give backendId"
                    + " (a backend or a pool) instead");
        }
        String backend = Fields.text(p, "backendId", "");
        if (backend != null) {
            p.put("backendId", "/backends/" + References.require(backend, ResourceKind.BACKENDS, true, "backendId"));
        }
        p.put("subscriptionRequired", !Boolean.FALSE.equals(Fields.bool(p, "subscriptionRequired", "")));
        ObjectNode names = Fields.object(p, "subscriptionKeyParameterNames", "");
        ObjectNode keyNames = names == null ? p.putObject("subscriptionKeyParameterNames") : names;
        Fields.known(keyNames, Set.of("header", "query"), "subscriptionKeyParameterNames.");
        if (Fields.text(keyNames, "header", "subscriptionKeyParameterNames.") == null) {
            keyNames.put("header", "azure-openai".equals(type) ? "api-key" : "Ocp-Apim-Subscription-Key");
        }
        if (Fields.text(keyNames, "query", "subscriptionKeyParameterNames.") == null) {
            keyNames.put("query", "azure-openai".equals(type) ? "api-key" : "subscription-key");
        }
        Fields.text(p, "apiVersion", "");
        Fields.bool(p, "isCurrent", "");
        return p;
    }

    @Override
    public List<ResourceRef> references(Resource resource) {
        String backend = resource.text("backendId");
        return backend == null ? List.of()
                : List.of(new ResourceRef(ResourceKind.BACKENDS, References.idIn(backend),
                        "backendId"));
    }

    /** The path without leading or trailing slashes; {@code ""} serves at the root. */
    private static String path(ObjectNode p) throws InvalidDefinitionException {
        JsonNode value = p.get("path");
        if (value == null || !value.isTextual()) {
            throw new InvalidDefinitionException("path", "is required: the URL path the API is served under"
                    + " (\"\" for the root)");
        }
        String path = value.asText().strip();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.matches("[A-Za-z0-9._~/-]*") || path.contains("//")) {
            throw new InvalidDefinitionException("path", "may hold letters, digits and . _ ~ - separated by /");
        }
        if (path.equals("mcp") || path.startsWith("mcp/") || path.equals("admin") || path.startsWith("admin/")
                || path.startsWith(".well-known")) {
            throw new InvalidDefinitionException("path", "'" + path + "' is reserved by the gateway");
        }
        p.put("path", path);
        return path;
    }
}
