package dev.mcpgateway.gateway.resource.types;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.auth.backend.SecretResolver;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.References;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceRef;
import dev.mcpgateway.gateway.resource.ResourceSet;
import dev.mcpgateway.gateway.resource.ResourceType;
import dev.mcpgateway.llm.consumer.Keys;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * APIM's subscription: a {@code scope} ({@code /products/{id}}, {@code /apis/{id}}, or {@code /apis} for every API),
 * two interchangeable keys (rotate one while the other works) and a {@code state}. Keys not given are kept from the
 * subscription replaced, or generated; a key may be an {@code ${ENV}} or {@code {{named-value}}} reference (how
 * gateway.yml keeps keys out of the file). They are read only through {@code listSecrets}.
 */
public final class SubscriptionResourceType implements ResourceType {

    public static final String ALL_APIS = "/apis";
    public static final int MIN_KEY_LENGTH = 16;

    /** The ARM id of a whole service's APIs; only this, not any id ending in "/apis" (a product named apis). */
    private static final Pattern SERVICE_APIS =
            Pattern.compile("(?i).*/providers/Microsoft\\.ApiManagement/service/[^/]+/apis");
    private static final Set<String> PROPERTIES = Set.of("displayName", "scope", "ownerId", "state", "primaryKey",
            "secondaryKey", "allowTracing");

    @Override
    public ResourceKind kind() {
        return ResourceKind.SUBSCRIPTIONS;
    }

    @Override
    public ObjectNode normalise(String id, ObjectNode p, ResourceSet current, Resource before)
            throws InvalidDefinitionException {
        Fields.known(p, PROPERTIES, "");
        Fields.displayName(p, id);
        p.put("scope", scope(Fields.required(p, "scope", "")));
        String owner = Fields.text(p, "ownerId", "");
        if (owner != null) {
            p.put("ownerId", owner.contains("/users/") ? owner.substring(owner.lastIndexOf("/users/")) : owner);
        }
        String state = Fields.oneOf(p, "state", "", "active", "suspended", "submitted", "rejected", "cancelled",
                "expired");
        p.put("state", state == null ? "active" : state);
        Fields.bool(p, "allowTracing", "");
        for (String field : List.of("primaryKey", "secondaryKey")) {
            String key = Fields.text(p, field, "");
            if (key == null) {
                String kept = before == null ? null : before.text(field);
                p.put(field, kept != null ? kept : Keys.generate().reveal());
            } else if (!SecretResolver.isOnlyReference(key) && key.strip().length() < MIN_KEY_LENGTH) {
                throw new InvalidDefinitionException(field, "must be at least " + MIN_KEY_LENGTH + " characters");
            }
        }
        if (p.get("primaryKey").asText().equals(p.get("secondaryKey").asText())) {
            throw new InvalidDefinitionException("secondaryKey", "must differ from primaryKey");
        }
        for (Resource other : current.all(ResourceKind.SUBSCRIPTIONS)) {
            if (!other.id().equals(id) && (usesKey(other, p.get("primaryKey").asText())
                    || usesKey(other, p.get("secondaryKey").asText()))) {
                throw new InvalidDefinitionException("primaryKey", "a key of this subscription is already in use");
            }
        }
        return p;
    }

    @Override
    public List<ResourceRef> references(Resource resource) {
        String scope = resource.text("scope");
        if (scope == null || scope.equals(ALL_APIS)) {
            return List.of();
        }
        ResourceKind kind = scope.startsWith("/products/") ? ResourceKind.PRODUCTS : ResourceKind.APIS;
        return List.of(new ResourceRef(kind, scope.substring(scope.lastIndexOf('/') + 1), "scope"));
    }

    @Override
    public List<String> secretPointers(Resource resource) {
        // a key given as ${ENV} or {{named-value}} is read where it is used: the reference itself is no secret
        return java.util.stream.Stream.of("primaryKey", "secondaryKey")
                .filter(field -> resource.text(field) != null && !SecretResolver.isOnlyReference(resource.text(field)))
                .map(f -> "/" + f).toList();
    }

    /** The scope in short form; full ARM ids and APIM's older {@code productId} forms are accepted. */
    private static String scope(String scope) throws InvalidDefinitionException {
        String trimmed = scope.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.equals(ALL_APIS) || SERVICE_APIS.matcher(trimmed).matches()) {
            return ALL_APIS;
        }
        var product = References.idOf(trimmed, ResourceKind.PRODUCTS, false);
        if (product.isPresent()) {
            return "/products/" + product.get();
        }
        var api = References.idOf(trimmed, ResourceKind.APIS, false);
        if (api.isPresent()) {
            return "/apis/" + api.get();
        }
        throw new InvalidDefinitionException("scope", "must be /products/{id}, /apis/{id} or /apis (every API),"
                + " or the full ARM id of one");
    }

    private static boolean usesKey(Resource subscription, String key) {
        return key.equals(subscription.text("primaryKey")) || key.equals(subscription.text("secondaryKey"));
    }
}
