package dev.mcpgateway.llm.config;

import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendType;
import dev.mcpgateway.llm.backend.Credential;
import dev.mcpgateway.llm.backend.EntraCredentials;
import dev.mcpgateway.auth.backend.Secret;
import dev.mcpgateway.llm.breaker.BreakerRule;
import io.micronaut.core.convert.ConversionService;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Turns {@code llm.backends.<id>} into a {@link Backend} once at startup; a bad value fails naming its key. */
public final class BackendCompiler {

    private BackendCompiler() {
    }

    public static Backend compile(BackendProperties p) {
        String key = "llm.backends." + p.getId();
        try {
            if (p.getUrl() == null) {
                throw new IllegalArgumentException("url is required");
            }
            return new Backend(p.getId(), URI.create(p.getUrl()), BackendType.parse(p.getType()), credential(p),
                    p.getTimeout(), p.getDeployment(), p.getApiVersion(), breaker(p.getCircuitBreaker()));
        } catch (RuntimeException e) {
            throw new IllegalStateException(key + ": " + e.getMessage(), e);
        }
    }

    static Credential credential(BackendProperties p) {
        boolean oauth = p.getClientCredentials() != null && !p.getClientCredentials().isEmpty();
        if ((p.getApiKey() != null ? 1 : 0) + (p.getBearerToken() != null ? 1 : 0) + (oauth ? 1 : 0) > 1) {
            throw new IllegalArgumentException("set one of api-key, bearer-token, client-credentials");
        }
        if (oauth) {
            Map<String, ?> c = Normalized.keys(p.getClientCredentials());
            return EntraCredentials.of(text(c.get("tokenurl")), text(c.get("tenantid")), text(c.get("clientid")),
                    text(c.get("clientsecret")), text(c.get("scope")));
        }
        if (p.getApiKey() != null) {
            return new Credential.ApiKey(Secret.of(p.getApiKey()));
        }
        if (p.getBearerToken() != null) {
            return new Credential.Bearer(Secret.of(p.getBearerToken()));
        }
        return new Credential.None();
    }

    /** Reads the circuit-breaker map (kebab or camel keys); absent = {@link BreakerRule#defaults()}. */
    public static BreakerRule breaker(Map<String, ?> raw) {
        if (raw == null || raw.isEmpty()) {
            return BreakerRule.defaults();
        }
        Map<String, ?> m = Normalized.keys(raw);
        List<BreakerRule.StatusRange> ranges = strings(m.get("statuscoderanges")).stream()
                .map(BreakerRule.StatusRange::parse).toList();
        return new BreakerRule(
                integer(m.get("failurecount"), m.containsKey("failurepercentage") ? 0 : 1),
                integer(m.get("failurepercentage"), 0),
                integer(m.get("minimumcalls"), 1),
                duration(m.get("interval")),
                ranges,
                strings(m.get("errorreasons")),
                duration(m.get("tripduration")),
                m.get("acceptretryafter") == null || Boolean.parseBoolean(m.get("acceptretryafter").toString()),
                duration(m.get("maxretryafter")));
    }

    /** A duration written {@code 30s}, {@code 2m} or ISO {@code PT30S}; null stays null. */
    public static Duration durationOf(String text, String key) {
        try {
            return duration(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " is not a duration (30s, 2m, PT30S): '" + text + "'");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().trim();
    }

    static int integer(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value.toString().trim());
    }

    static Duration duration(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Duration d) {
            return d;
        }
        String text = value.toString().trim();
        if (text.startsWith("PT") || text.startsWith("P")) {
            return Duration.parse(text);
        }
        return ConversionService.SHARED.convertRequired(text, Duration.class);
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).map(String::trim).toList();
        }
        return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
