package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendType;
import dev.mcpgateway.llm.backend.Credential;
import dev.mcpgateway.llm.backend.EntraCredentials;
import dev.mcpgateway.auth.backend.Secret;
import dev.mcpgateway.llm.breaker.BreakerRule;
import dev.mcpgateway.llm.breaker.CircuitBreaker;
import dev.mcpgateway.llm.config.BackendCompiler;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A backend as admin JSON, both ways. Secrets are written only for the internal PATCH merge, never to a caller. */
final class BackendJson {

    private BackendJson() {
    }

    static ObjectNode write(Backend b, CircuitBreaker breaker, boolean withSecrets) {
        ObjectNode o = AdminSupport.JSON.createObjectNode();
        o.put("id", b.id());
        o.put("url", b.url().toString());
        o.put("type", b.type() == BackendType.AZURE_OPENAI ? "azure-openai" : "openai");
        ObjectNode credentials = o.putObject("credentials");
        switch (b.credential()) {
            case Credential.ApiKey k -> {
                credentials.put("type", "api-key");
                if (withSecrets) {
                    credentials.put("key", k.key().reveal());
                }
            }
            case Credential.Bearer t -> {
                credentials.put("type", "bearer");
                if (withSecrets) {
                    credentials.put("token", t.token().reveal());
                }
            }
            case Credential.None n -> credentials.put("type", "none");
            case Credential.ClientCredentials cc -> {
                var settings = cc.tokens().settings();
                credentials.put("type", "client-credentials");
                credentials.put("tokenUrl", settings.tokenEndpoint().toString());
                credentials.put("clientId", settings.clientId());
                settings.scope().ifPresent(scope -> credentials.put("scope", scope));
                if (withSecrets) {
                    credentials.put("clientSecret", settings.clientSecret().reveal());
                }
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
                BackendCompiler.durationOf(AdminSupport.text(o, "timeout"), "timeout"),
                AdminSupport.text(o, "deployment"), AdminSupport.text(o, "apiVersion"),
                o.get("circuitBreaker") instanceof ObjectNode cb ? BackendCompiler.breaker(map(cb)) : null);
    }

    private static Credential credential(JsonNode c) {
        String type = c.path("type").asText("none");
        return switch (type) {
            case "api-key" -> new Credential.ApiKey(secret(c, "key"));
            case "bearer" -> new Credential.Bearer(secret(c, "token"));
            case "none" -> new Credential.None();
            case "client-credentials" -> EntraCredentials.of(text(c, "tokenUrl"), text(c, "tenantId"),
                    text(c, "clientId"), text(c, "clientSecret"), text(c, "scope"));
            default -> throw new IllegalArgumentException(
                    "credentials.type is api-key, bearer, client-credentials or none, not '" + type + "'");
        };
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
