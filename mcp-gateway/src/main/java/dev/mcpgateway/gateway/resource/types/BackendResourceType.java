package dev.mcpgateway.gateway.resource.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.auth.backend.SecretResolver;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.References;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceRef;
import dev.mcpgateway.gateway.resource.ResourceSet;
import dev.mcpgateway.gateway.resource.ResourceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * APIM's backend ({@code Microsoft.ApiManagement/service/backends}): {@code Single} with a {@code url}, credentials,
 * a circuit-breaker rule and TLS settings, or a {@code Pool} of single backends with priorities and weights. Our
 * additions for model endpoints: {@code aiProvider} (azure-openai or openai wire), {@code timeout},
 * {@code deployment}, {@code apiVersion}, {@code models} (the deployment or model names it serves when no API
 * names a backend), and on a pool {@code affinity} ({@code {type: cookie|header, name}}: keep a caller's session on
 * one member).
 */
public final class BackendResourceType implements ResourceType {

    public static final int MAX_POOL_MEMBERS = 30;

    private static final Set<String> PROPERTIES = Set.of("url", "protocol", "type", "title", "description", "pool",
            "credentials", "circuitBreaker", "tls", "resourceId", "aiProvider", "timeout", "deployment", "apiVersion",
            "models", "affinity");
    private static final Set<String> CREDENTIALS = Set.of("header", "query", "authorization", "certificate",
            "certificateIds", "type", "in", "name", "value", "username", "password", "token", "tokenUrl", "clientId",
            "clientSecret", "scope", "audience", "resource", "timeoutMillis");

    @Override
    public ResourceKind kind() {
        return ResourceKind.BACKENDS;
    }

    @Override
    public ObjectNode normalise(String id, ObjectNode p, ResourceSet current, Resource before)
            throws InvalidDefinitionException {
        Fields.known(p, PROPERTIES, "");
        String type = Fields.oneOf(p, "type", "", "Single", "Pool");
        boolean pool = "Pool".equals(type);
        p.put("type", pool ? "Pool" : "Single");
        Fields.oneOf(p, "protocol", "", "http");
        Fields.text(p, "title", "");
        Fields.text(p, "description", "");
        Fields.text(p, "resourceId", "");
        if (pool) {
            pool(id, p, current);
            affinity(p);
            for (Resource other : current.all(ResourceKind.BACKENDS)) {
                if (!other.id().equals(id) && references(other).stream().anyMatch(r -> r.id().equals(id))) {
                    throw new InvalidDefinitionException("type", "backend '" + id + "' is a member of pool '"
                            + other.id() + "'; the members of a pool are single backends");
                }
            }
            if (p.has("url") || p.has("credentials") || p.has("circuitBreaker")) {
                throw new InvalidDefinitionException(p.has("url") ? "url" : p.has("credentials") ? "credentials"
                        : "circuitBreaker", "belongs on the pool's member backends, not on a Pool");
            }
        } else {
            Fields.url(p, "url", "", true);
            if (p.has("pool") || p.has("affinity")) {
                throw new InvalidDefinitionException(p.has("pool") ? "pool" : "affinity", "is only for type Pool");
            }
        }
        credentials(p);
        CircuitBreakerRules.check(p);
        ObjectNode tls = Fields.object(p, "tls", "");
        if (tls != null) {
            Fields.known(tls, Set.of("validateCertificateChain", "validateCertificateName"), "tls.");
            Fields.bool(tls, "validateCertificateChain", "tls.");
            Fields.bool(tls, "validateCertificateName", "tls.");
        }
        Fields.oneOf(p, "aiProvider", "", "azure-openai", "openai");
        Fields.duration(p, "timeout", "");
        Fields.text(p, "deployment", "");
        Fields.text(p, "apiVersion", "");
        models(p);
        return p;
    }

    @Override
    public List<ResourceRef> references(Resource resource) {
        List<ResourceRef> refs = new ArrayList<>();
        JsonNode services = resource.properties().path("pool").path("services");
        for (int i = 0; i < services.size(); i++) {
            refs.add(new ResourceRef(ResourceKind.BACKENDS,
                    memberId(services.get(i)), "pool.services[" + i + "].id"));
        }
        return refs;
    }

    /** Literal credential values; a value that only refers to a named value or the environment is no secret. */
    @Override
    public List<String> secretPointers(Resource resource) {
        List<String> pointers = new ArrayList<>();
        JsonNode credentials = resource.properties().path("credentials");
        for (String location : List.of("header", "query")) {
            credentials.path(location).properties().forEach(e -> {
                for (int i = 0; i < e.getValue().size(); i++) {
                    if (!isReference(e.getValue().get(i))) {
                        pointers.add("/credentials/" + location + "/" + escape(e.getKey()) + "/" + i);
                    }
                }
            });
        }
        for (String field : List.of("password", "token", "value", "clientSecret")) {
            if (credentials.has(field) && !isReference(credentials.get(field))) {
                pointers.add("/credentials/" + field);
            }
        }
        JsonNode parameter = credentials.path("authorization").path("parameter");
        if (!parameter.isMissingNode() && !isReference(parameter)) {
            pointers.add("/credentials/authorization/parameter");
        }
        return pointers;
    }

    private static boolean isReference(JsonNode value) {
        return SecretResolver.isOnlyReference(value.asText());
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The backend id of a stored pool member ({@code {"id": "/backends/b1"}} names {@code b1}). */
    public static String memberId(JsonNode service) {
        return References.idIn(service.path("id").asText());
    }

    /** Members are single backends named by reference, {@code /backends/x} in the stored form. */
    private static void pool(String id, ObjectNode p, ResourceSet current) throws InvalidDefinitionException {
        ObjectNode pool = Fields.object(p, "pool", "");
        JsonNode services = pool == null ? null : pool.get("services");
        if (!(services instanceof ArrayNode list) || list.isEmpty() || list.size() > MAX_POOL_MEMBERS) {
            throw new InvalidDefinitionException("pool.services", "must list 1 to " + MAX_POOL_MEMBERS
                    + " backends as {\"id\": \"/backends/<id>\", \"priority\": 0-100, \"weight\": 1-1000}");
        }
        Fields.known(pool, Set.of("services"), "pool.");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "pool.services[" + i + "].";
            if (!(list.get(i) instanceof ObjectNode member)) {
                throw new InvalidDefinitionException(at.substring(0, at.length() - 1), "must be an object with id");
            }
            Fields.known(member, Set.of("id", "priority", "weight"), at);
            String memberId = References.require(Fields.required(member, "id", at), ResourceKind.BACKENDS, true,
                    at + "id");
            if (memberId.equals(id) || !seen.add(memberId)) {
                throw new InvalidDefinitionException(at + "id", "names backend '" + memberId + "' twice or itself");
            }
            if (current.get(ResourceKind.BACKENDS, memberId).filter(b -> "Pool".equals(b.text("type"))).isPresent()) {
                throw new InvalidDefinitionException(at + "id", "names pool '" + memberId
                        + "'; the members of a pool are single backends");
            }
            member.put("id", "/backends/" + memberId);
            Fields.integer(member, "priority", 0, 100, at);
            Fields.integer(member, "weight", 1, 1000, at);
        }
    }

    private static void affinity(ObjectNode p) throws InvalidDefinitionException {
        ObjectNode affinity = Fields.object(p, "affinity", "");
        if (affinity != null) {
            Fields.known(affinity, Set.of("type", "name"), "affinity.");
            if (Fields.oneOf(affinity, "type", "affinity.", "none", "cookie", "header") == null) {
                throw new InvalidDefinitionException("affinity.type", "is required: none, cookie or header");
            }
            Fields.text(affinity, "name", "affinity.");
        }
    }

    private static void credentials(ObjectNode p) throws InvalidDefinitionException {
        ObjectNode credentials = Fields.object(p, "credentials", "");
        if (credentials == null) {
            return;
        }
        Fields.known(credentials, CREDENTIALS, "credentials.");
        for (String location : List.of("header", "query")) {
            ObjectNode values = Fields.object(credentials, location, "credentials.");
            if (values == null) {
                continue;
            }
            for (var e : values.properties()) {
                String at = "credentials." + location + "." + e.getKey();
                JsonNode v = e.getValue();
                if (v.isTextual()) {
                    values.putArray(e.getKey()).add(v.asText()); // APIM takes a list; a single value is a list of one
                } else if (!v.isArray() || v.isEmpty() || !allText(v)) {
                    throw new InvalidDefinitionException(at, "must be a list of strings");
                }
            }
        }
        ObjectNode authorization = Fields.object(credentials, "authorization", "credentials.");
        if (authorization != null) {
            Fields.known(authorization, Set.of("scheme", "parameter"), "credentials.authorization.");
            Fields.required(authorization, "scheme", "credentials.authorization.");
            Fields.text(authorization, "parameter", "credentials.authorization.");
        }
        if ((credentials.has("certificate") || credentials.has("certificateIds"))) {
            throw new InvalidDefinitionException("credentials.certificate", "client certificates are configured"
                    + " with the backend's tls settings of this gateway, not yet as APIM certificate resources");
        }
    }

    private static void models(ObjectNode p) throws InvalidDefinitionException {
        JsonNode models = p.get("models");
        if (models != null && !models.isNull() && (!models.isArray() || !allText(models))) {
            throw new InvalidDefinitionException("models", "must be a list of deployment or model names");
        }
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual() || item.asText().isBlank()) {
                return false;
            }
        }
        return true;
    }
}
