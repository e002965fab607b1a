package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns one declared API Management resource into its admin shape, or says why it is left out. */
final class ResourceMapper {

    private static final String REVISION = ";rev=";
    private static final String POLICY = "policy";

    /** Revision names ({@code x;rev=2}) marked {@code isCurrent}: they and their children are the API itself. */
    private final Set<String> currentRevisions;

    ResourceMapper(Set<String> currentRevisions) {
        this.currentRevisions = Set.copyOf(currentRevisions);
    }

    ImportedResource map(Declaration.Resource declared) throws UnresolvableException {
        ResourceKind kind = ResourceKind.of(declared.type())
                .orElseThrow(() -> new UnresolvableException(ArmTypes.leftOutReason(declared.type())));
        List<String> names = withoutRevision(kind, ownNames(kind, declared));
        if (kind == ResourceKind.NAMED_VALUE || kind == ResourceKind.LEGACY_NAMED_VALUE) {
            refuseKeyVault(declared.properties());
        }
        ObjectNode properties = properties(declared);
        return switch (kind) {
            case BACKEND -> new ImportedResource(kind.collection(), "", names.get(0), backend(properties));
            case NAMED_VALUE, LEGACY_NAMED_VALUE ->
                    new ImportedResource(kind.collection(), "", names.get(0), namedValue(properties));
            case API -> new ImportedResource(kind.collection(), "", names.get(0), api(properties));
            case OPERATION -> new ImportedResource(kind.collection(), names.get(0), names.get(1), properties);
            case TOOL -> new ImportedResource(kind.collection(), names.get(0), names.get(1), tool(properties));
            case PRODUCT -> new ImportedResource(kind.collection(), "", names.get(0), properties);
            case PRODUCT_API -> new ImportedResource(kind.collection(), names.get(0), names.get(1),
                    properties.put("apiId", "/apis/" + names.get(1)));
            case PRODUCT_API_LINK -> productApiLink(names.get(0), properties);
            case SUBSCRIPTION -> new ImportedResource(kind.collection(), "", names.get(0), subscription(properties));
            case SERVICE_POLICY -> new ImportedResource(kind.collection(), "", POLICY, properties);
            case API_POLICY -> new ImportedResource(kind.collection(), "/apis/" + names.get(0), POLICY, properties);
            case OPERATION_POLICY -> new ImportedResource(kind.collection(),
                    "/apis/" + names.get(0) + "/operations/" + names.get(1), POLICY, properties);
            case PRODUCT_POLICY ->
                    new ImportedResource(kind.collection(), "/products/" + names.get(0), POLICY, properties);
        };
    }

    /** The names below the service; templates and ids give the service name first, list entries may not. */
    private static List<String> ownNames(ResourceKind kind, Declaration.Resource declared)
            throws UnresolvableException {
        List<String> names = declared.names();
        if (names.size() == kind.nameCount() + 1) {
            return names.subList(1, names.size());
        }
        if (names.size() == kind.nameCount()) {
            return names;
        }
        throw new UnresolvableException("the name '" + String.join("/", names) + "' does not fit the type "
                + declared.type() + ", whose names read service/" + "name/".repeat(kind.nameCount() - 1) + "name");
    }

    private List<String> withoutRevision(ResourceKind kind, List<String> names) throws UnresolvableException {
        boolean namesAnApi = kind == ResourceKind.API || kind.belongsToApi();
        if (!namesAnApi || !names.get(0).contains(REVISION)) {
            return names;
        }
        String revision = names.get(0);
        String api = revision.substring(0, revision.indexOf(REVISION));
        if (!currentRevisions.contains(revision)) {
            throw new UnresolvableException((kind == ResourceKind.API ? "is" : "belongs to") + " revision "
                    + revision.substring(revision.indexOf(REVISION) + REVISION.length()) + " of API '" + api
                    + "', which is not the current one; revisions are not supported, only current APIs are imported");
        }
        List<String> renamed = new ArrayList<>(names);
        renamed.set(0, api);
        return renamed;
    }

    private static void refuseKeyVault(JsonNode declaredProperties) throws UnresolvableException {
        if (declaredProperties.hasNonNull("keyVault")) {
            throw new UnresolvableException("Key Vault references are not supported here; "
                    + "declare the value, an environment reference or a file");
        }
    }

    private static ObjectNode properties(Declaration.Resource declared) throws UnresolvableException {
        if (declared.properties().isMissingNode() || declared.properties().isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode resolved = declared.values().resolve(declared.properties(), "properties");
        if (!resolved.isObject()) {
            throw new UnresolvableException("properties must be an object");
        }
        return (ObjectNode) resolved;
    }

    private static ObjectNode backend(ObjectNode properties) throws UnresolvableException {
        JsonNode services = properties.path("pool").path("services");
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i) instanceof ObjectNode service && service.path("id").isTextual()) {
                String field = "properties.pool.services[" + i + "].id";
                service.put("id", References.backend(field, service.get("id").textValue()));
            }
        }
        return properties;
    }

    /** A list export leaves secret values out; there is nothing to import in their place. */
    private static ObjectNode namedValue(ObjectNode properties) throws UnresolvableException {
        if (properties.path("secret").asBoolean(false) && !properties.hasNonNull("value")) {
            throw new UnresolvableException("its secret value is not in the export; "
                    + "declare the value, an environment reference or a file");
        }
        return properties;
    }

    private static ObjectNode api(ObjectNode properties) throws UnresolvableException {
        shorten(properties, "backendId", References::backend);
        return properties;
    }

    private static ObjectNode tool(ObjectNode properties) throws UnresolvableException {
        shorten(properties, "operationId", References::operation);
        return properties;
    }

    private static ObjectNode subscription(ObjectNode properties) throws UnresolvableException {
        if (!properties.path("scope").isTextual()) {
            throw new UnresolvableException(
                    "properties.scope is missing; give /apis, /apis/{api} or /products/{product}");
        }
        shorten(properties, "scope", References::subscriptionScope);
        shorten(properties, "ownerId", References::user);
        return properties;
    }

    private static ImportedResource productApiLink(String product, ObjectNode properties)
            throws UnresolvableException {
        if (!properties.path("apiId").isTextual()) {
            throw new UnresolvableException("properties.apiId is missing; give /apis/{api}");
        }
        shorten(properties, "apiId", References::api);
        String apiId = properties.get("apiId").textValue();
        return new ImportedResource(ResourceKind.PRODUCT_API_LINK.collection(), product,
                apiId.substring("/apis/".length()), properties);
    }

    private interface Shortening {
        String apply(String field, String reference) throws UnresolvableException;
    }

    private static void shorten(ObjectNode properties, String name, Shortening shortening)
            throws UnresolvableException {
        if (properties.path(name).isTextual()) {
            properties.put(name, shortening.apply("properties." + name, properties.get(name).textValue()));
        }
    }
}
