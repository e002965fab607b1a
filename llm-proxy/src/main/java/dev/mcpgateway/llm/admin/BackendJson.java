package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.auth.backend.ApiKeyCredential;
import dev.mcpgateway.auth.backend.BackendCredential;
import dev.mcpgateway.auth.backend.BearerCredential;
import dev.mcpgateway.auth.backend.ClientCredentialsCredential;
import dev.mcpgateway.auth.backend.ClientCredentialsSettings;
import dev.mcpgateway.auth.backend.ClientCredentialsTokenSource;
import dev.mcpgateway.auth.backend.NoCredential;
import dev.mcpgateway.auth.backend.Secret;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendType;
import dev.mcpgateway.llm.breaker.BreakerRule;
import dev.mcpgateway.llm.breaker.CircuitBreaker;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A backend as admin JSON, both ways. Secrets are written only for the internal PATCH merge and the store, never to
 * a caller. The document's credential forms map onto the auth-server's credentials: {@code api-key} is an
 * {@code api-key} header, {@code bearer} a static bearer token, {@code client-credentials} an OAuth client-credentials
 * token with Entra ID's defaults (token URL from {@code tenantId}, Azure OpenAI's scope).
 */
final class BackendJson {

    static final String AZURE_OPENAI_SCOPE = "https://cognitiveservices.azure.com/.default";
    private static final String API_KEY_HEADER = "api-key";

    private BackendJson() {
    }

    static ObjectNode write(Backend b, CircuitBreaker breaker, boolean withSecrets) {
        ObjectNode o = AdminSupport.JSON.createObjectNode();
        o.put("id", b.id());
        o.put("url", b.url().toString());
        o.put("type", b.type() == BackendType.AZURE_OPENAI ? "azure-openai" : "openai");
        ObjectNode credentials = o.putObject("credentials");
        switch (b.credential()) {
            case ApiKeyCredential k when k.in() == ApiKeyCredential.Location.HEADER
                    && k.name().equalsIgnoreCase(API_KEY_HEADER) -> {
                credentials.put("type", "api-key");
                if (withSecrets) {
                    credentials.put("key", k.key().reveal());
                }
            }
            case BearerCredential t -> {
                credentials.put("type", "bearer");
                if (withSecrets) {
                    credentials.put("token", t.token().reveal());
                }
            }
            case NoCredential n -> credentials.put("type", "none");
            case ClientCredentialsCredential cc -> {
                var settings = cc.tokens().settings();
                credentials.put("type", "client-credentials");
                credentials.put("tokenUrl", settings.tokenEndpoint().toString());
                credentials.put("clientId", settings.clientId());
                settings.scope().ifPresent(scope -> credentials.put("scope", scope));
                if (withSecrets) {
                    credentials.put("clientSecret", settings.clientSecret().reveal());
                }
            }
            default -> {
                // a credential no admin document describes (set through the Java API) is shown, but never merged
                // or stored from here, where its secrets would be lost
                if (withSecrets) {
                    throw new IllegalArgumentException("credentials: this backend's credential is not managed here");
                }
                credentials.setAll((ObjectNode) AdminSupport.JSON.valueToTree(b.credential().describe()));
            }
        }
        o.put("timeout", b.timeout().toString());
        o.put("deployment", b.deployment());
        o.put("apiVersion", b.apiVersion());
        BreakerRule r = b.breaker();
        ObjectNode cb = o.putObject("circuitBreaker");
        cb.put("failureCount", r.failureCount());
        cb.put("failurePercentage", r.failurePercentage());
        cb.put("minimumCalls", r.minimumCalls());
        cb.put("interval", r.interval().toString());
        ArrayNode ranges = cb.putArray("statusCodeRanges");
        r.statusCodeRanges().forEach(range -> ranges.add(range.toString()));
        ArrayNode reasons = cb.putArray("errorReasons");
        r.errorReasons().forEach(reasons::add);
        cb.put("tripDuration", r.tripDuration().toString());
        cb.put("acceptRetryAfter", r.acceptRetryAfter());
        cb.put("maxRetryAfter", r.maxRetryAfter().toString());
        if (breaker != null) {
            ObjectNode state = o.putObject("breakerState");
            state.put("state", breaker.state().name());
            breaker.openUntil().ifPresent(t -> state.put("openUntil", t.toString()));
        }
        return o;
    }

    static Backend read(String id, ObjectNode o) {
        String url = AdminSupport.text(o, "url");
        if (url == null) {
            throw new IllegalArgumentException("url is required");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not a URL");
        }
        return new Backend(id, uri, BackendType.parse(AdminSupport.text(o, "type")), credential(o.path("credentials")),
                BreakerJson.durationOf(AdminSupport.text(o, "timeout"), "timeout"),
                AdminSupport.text(o, "deployment"), AdminSupport.text(o, "apiVersion"),
                o.get("circuitBreaker") instanceof ObjectNode cb ? BreakerJson.breaker(map(cb)) : null);
    }

    private static BackendCredential credential(JsonNode c) {
        String type = c.path("type").asText("none");
        return switch (type) {
            case "api-key" -> new ApiKeyCredential(ApiKeyCredential.Location.HEADER, API_KEY_HEADER, secret(c, "key"));
            case "bearer" -> new BearerCredential(secret(c, "token"));
            case "none" -> NoCredential.INSTANCE;
            case "client-credentials" -> clientCredentials(c);
            default -> throw new IllegalArgumentException(
                    "credentials.type is api-key, bearer, client-credentials or none, not '" + type + "'");
        };
    }

    /** Entra ID's defaults: {@code tenantId} names the token URL, and the scope is Azure OpenAI's. */
    private static ClientCredentialsCredential clientCredentials(JsonNode c) {
        String tokenUrl = text(c, "tokenUrl");
        String tenantId = text(c, "tenantId");
        if (tokenUrl == null && tenantId == null) {
            throw new IllegalArgumentException("client-credentials needs tokenUrl or tenantId");
        }
        String clientId = text(c, "clientId");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("credentials.clientId is required");
        }
        String scope = text(c, "scope");
        URI endpoint = URI.create(tokenUrl != null ? tokenUrl
                : "https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token");
        return new ClientCredentialsCredential(new ClientCredentialsTokenSource(new ClientCredentialsSettings(endpoint,
                clientId, secret(c, "clientSecret"),
                Optional.of(scope == null || scope.isBlank() ? AZURE_OPENAI_SCOPE : scope), null)));
    }

    private static String text(JsonNode c, String field) {
        JsonNode v = c.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Secret secret(JsonNode c, String field) {
        String v = c.path(field).asText("");
        if (v.isEmpty()) {
            throw new IllegalArgumentException("credentials." + field + " is required");
        }
        return Secret.of(v);
    }

    private static Map<String, Object> map(ObjectNode node) {
        Map<String, Object> m = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> items = new java.util.ArrayList<>();
                v.forEach(item -> items.add(item.asText()));
                m.put(e.getKey(), items);
            } else if (!v.isNull()) {
                m.put(e.getKey(), v.asText());
            }
        });
        return m;
    }
}
