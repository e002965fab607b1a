package dev.mcpgateway.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.state.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the resources of gateway.yml's old {@code llm:} section ({@code backends}, {@code pools}, {@code routes},
 * {@code products}, {@code subscriptions} in the LLM proxy's former admin shapes) as the resources of the one
 * management model, so a file written for an earlier version keeps working; the gateway warns that the shape is old.
 * Values are kept as written, references included: they are resolved where the resources are compiled.
 */
public final class LegacyLlmResources {

    public static final Set<String> KEYS = Set.of("backends", "pools", "routes", "products", "subscriptions");

    /** The properties each old shape had; any other is refused naming it, as the old section refused it. */
    private static final Map<String, Set<String>> PROPERTIES = Map.of(
            "backends", Set.of("url", "type", "credentials", "timeout", "deployment", "apiVersion", "circuitBreaker",
                    "models"),
            "pools", Set.of("backends", "sessionAffinity", "affinityName", "models"),
            "routes", Set.of("target"),
            "products", Set.of("displayName", "subscriptionRequired", "state", "deployments"),
            "subscriptions", Set.of("displayName", "scope", "productId", "ownerId", "state", "primaryKey",
                    "secondaryKey"));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ENTRA_SCOPE = "https://cognitiveservices.azure.com/.default";

    private LegacyLlmResources() {
    }

    public static List<Resource> read(JsonNode llm, String field, Source source) throws InvalidDefinitionException {
        Map<String, ObjectNode> backends = new LinkedHashMap<>();
        List<Resource> others = new ArrayList<>();
        for (var e : entries(llm, "backends", field)) {
            backends.put(e.getKey(), backend(e.getValue(), field + ".backends." + e.getKey()));
        }
        for (var e : entries(llm, "pools", field)) {
            backends.put(e.getKey(), pool(e.getValue(), field + ".pools." + e.getKey()));
        }
        for (Map.Entry<String, JsonNode> e : GatewayYaml.entries(llm.path("routes"), field + ".routes")) {
            if (e.getValue().isObject()) {
                GatewayYaml.checkKeys(e.getValue(), PROPERTIES.get("routes"), field + ".routes." + e.getKey() + ".");
            }
            String target = e.getValue().isTextual() ? e.getValue().asText() : e.getValue().path("target").asText();
            ObjectNode backend = backends.get(target);
            if (backend == null) {
                throw new InvalidDefinitionException(field + ".routes." + e.getKey(), "names '" + target
                        + "', which is neither a backend nor a pool of this file");
            }
            (backend.get("models") instanceof ArrayNode a ? a : backend.putArray("models")).add(e.getKey());
        }
        for (var e : entries(llm, "products", field)) {
            others.add(new Resource(ResourceKind.PRODUCTS, e.getKey(), e.getValue(), source));
        }
        for (var e : entries(llm, "subscriptions", field)) {
            others.add(new Resource(ResourceKind.SUBSCRIPTIONS, e.getKey(), subscription(e.getValue()),
                    source));
        }
        List<Resource> resources = new ArrayList<>();
        backends.forEach((id, properties) -> resources.add(new Resource(ResourceKind.BACKENDS, id, properties,
                source)));
        resources.addAll(others);
        return resources;
    }

    private static List<Map.Entry<String, ObjectNode>> entries(JsonNode llm, String key, String field)
            throws InvalidDefinitionException {
        List<Map.Entry<String, ObjectNode>> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : GatewayYaml.entries(llm.path(key), field + "." + key)) {
            if (!(e.getValue() instanceof ObjectNode o)) {
                throw new InvalidDefinitionException(field + "." + key + "." + e.getKey(), "must be a mapping");
            }
            GatewayYaml.checkKeys(o, PROPERTIES.get(key), field + "." + key + "." + e.getKey() + ".");
            entries.add(Map.entry(e.getKey(), o.deepCopy()));
        }
        return entries;
    }

    private static ObjectNode backend(ObjectNode old, String field) throws InvalidDefinitionException {
        ObjectNode b = NODES.objectNode();
        copy(old, b, "url", "deployment", "apiVersion", "models");
        if (old.hasNonNull("type")) {
            b.put("aiProvider", old.get("type").asText().toLowerCase(Locale.ROOT));
        }
        if (old.hasNonNull("timeout")) {
            b.put("timeout", iso(old.get("timeout").asText(), field + ".timeout"));
        }
        JsonNode c = old.path("credentials");
        switch (c.path("type").asText("none")) {
            case "api-key" -> b.putObject("credentials").putObject("header").putArray("api-key")
                    .add(c.path("key").asText());
            case "bearer" -> b.putObject("credentials").putObject("authorization").put("scheme", "Bearer")
                    .put("parameter", c.path("token").asText());
            case "client-credentials" -> {
                ObjectNode cc = b.putObject("credentials").put("type", "oauth2ClientCredentials");
                cc.put("tokenUrl", c.hasNonNull("tokenUrl") ? c.get("tokenUrl").asText()
                        : "https://login.microsoftonline.com/" + c.path("tenantId").asText() + "/oauth2/v2.0/token");
                cc.put("clientId", c.path("clientId").asText());
                cc.put("clientSecret", c.path("clientSecret").asText());
                cc.put("scope", c.hasNonNull("scope") ? c.get("scope").asText() : ENTRA_SCOPE);
            }
            case "none" -> { }
            default -> throw new InvalidDefinitionException(field + ".credentials.type",
                    "is api-key, bearer, client-credentials or none");
        }
        if (old.get("circuitBreaker") instanceof ObjectNode cb) {
            b.putObject("circuitBreaker").putArray("rules").add(rule(cb, field + ".circuitBreaker"));
        }
        return b;
    }

    private static ObjectNode rule(ObjectNode cb, String field) throws InvalidDefinitionException {
        ObjectNode rule = NODES.objectNode().put("name", "rule");
        ObjectNode condition = rule.putObject("failureCondition");
        if (cb.hasNonNull("failurePercentage") && cb.get("failurePercentage").asInt() > 0) {
            condition.put("percentage", cb.get("failurePercentage").asInt());
        } else {
            condition.put("count", cb.path("failureCount").asInt(1));
        }
        if (cb.hasNonNull("minimumCalls")) {
            condition.put("minimumCalls", cb.get("minimumCalls").asInt());
        }
        if (cb.hasNonNull("interval")) {
            condition.put("interval", iso(cb.get("interval").asText(), field + ".interval"));
        }
        ArrayNode ranges = condition.putArray("statusCodeRanges");
        for (JsonNode range : cb.path("statusCodeRanges")) {
            String[] parts = range.asText().trim().split("-");
            try {
                int min = Integer.parseInt(parts[0].trim());
                ranges.addObject().put("min", min).put("max", parts.length > 1 ? Integer.parseInt(parts[1].trim())
                        : min);
            } catch (NumberFormatException e) {
                throw new InvalidDefinitionException(field + ".statusCodeRanges", "are like 429 or 500-599");
            }
        }
        if (ranges.isEmpty()) {
            condition.remove("statusCodeRanges");
        }
        if (cb.get("errorReasons") instanceof ArrayNode reasons) {
            condition.set("errorReasons", reasons);
        }
        if (cb.hasNonNull("tripDuration")) {
            rule.put("tripDuration", iso(cb.get("tripDuration").asText(), field + ".tripDuration"));
        }
        rule.put("acceptRetryAfter", cb.path("acceptRetryAfter").asBoolean(true));
        return rule;
    }

    private static ObjectNode pool(ObjectNode old, String field) throws InvalidDefinitionException {
        ObjectNode b = NODES.objectNode().put("type", "Pool");
        ArrayNode services = b.putObject("pool").putArray("services");
        for (JsonNode m : old.path("backends")) {
            ObjectNode member = services.addObject().put("id", m.isTextual() ? m.asText() : m.path("id").asText());
            if (m.has("weight")) {
                member.put("weight", m.get("weight").asInt());
            }
            if (m.has("priority")) {
                member.put("priority", m.get("priority").asInt());
            }
        }
        String affinity = old.path("sessionAffinity").asText("none");
        if (!affinity.equalsIgnoreCase("none")) {
            ObjectNode a = b.putObject("affinity").put("type", affinity.toLowerCase(Locale.ROOT));
            if (old.hasNonNull("affinityName")) {
                a.put("name", old.get("affinityName").asText());
            }
        }
        copy(old, b, "models");
        return b;
    }

    private static ObjectNode subscription(ObjectNode old) {
        ObjectNode s = NODES.objectNode();
        copy(old, s, "displayName", "ownerId", "state", "primaryKey", "secondaryKey");
        String scope = old.hasNonNull("scope") ? old.get("scope").asText()
                : old.hasNonNull("productId") ? "/products/" + old.get("productId").asText() : "/apis";
        s.put("scope", scope);
        return s;
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms} or ISO-8601 as ISO-8601, APIM's form. */
    private static String iso(String text, String field) throws InvalidDefinitionException {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT)).toString();
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))).toString();
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount).toString();
                case 'm' -> Duration.ofMinutes(amount).toString();
                case 'h' -> Duration.ofHours(amount).toString();
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new InvalidDefinitionException(field, "is not a duration (30s, 2m, PT30S)");
        }
    }

    private static void copy(ObjectNode from, ObjectNode to, String... fields) {
        for (String f : fields) {
            if (from.hasNonNull(f)) {
                to.set(f, from.get(f).deepCopy());
            }
        }
    }
}
