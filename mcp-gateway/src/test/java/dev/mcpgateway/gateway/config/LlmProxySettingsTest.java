package dev.mcpgateway.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** gateway.yml's proxy-wide llm: keys become llm.* properties; a wrong key or value is named. */
class LlmProxySettingsTest {

    private static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper().valueToTree(new org.yaml.snakeyaml.Yaml().load(text));
    }

    private static InvalidDefinitionException refused(String text) {
        return assertThrows(InvalidDefinitionException.class,
                () -> LlmProxySettings.properties(yaml(text), "gateway.yml"));
    }

    @Test
    void everySettingBecomesTheLlmPropertyOfTheSameName() throws Exception {
        Map<String, Object> p = LlmProxySettings.properties(yaml("""
                max-body-bytes: 4096
                retry-count: 0
                retry-interval: 2s
                connect-timeout: PT5S
                token-limits:
                  per-sub: {counter-key: "{subscription}", tokens-per-minute: 40, products: [team], deployments: "a, b"}
                  monthly: {counter-key: "{subscription}", token-quota: 5000000000, token-quota-period: Monthly}
                cache: {enabled: true, ttl: 1h, deployments: [gpt-4o]}
                metrics: {dimensions: {team: "{header:x-team}"}, max-dimension-values: 50}
                auth:
                  product: team
                  product-rules:
                    - {claim: roles, value: llm-premium, product: premium}
                backends: {ignored: {url: "http://h"}}
                """), "gateway.yml");

        assertEquals(4096, p.get("llm.max-body-bytes"));
        assertEquals(0, p.get("llm.retry-count"));
        assertEquals("2s", p.get("llm.retry-interval"));
        assertEquals("PT5S", p.get("llm.connect-timeout"));
        assertEquals("{subscription}", p.get("llm.token-limits.per-sub.counter-key"));
        assertEquals(40L, p.get("llm.token-limits.per-sub.tokens-per-minute"));
        assertEquals(5_000_000_000L, p.get("llm.token-limits.monthly.token-quota"), "beyond an int");
        assertEquals(List.of("team"), p.get("llm.token-limits.per-sub.products"));
        assertEquals(List.of("a", "b"), p.get("llm.token-limits.per-sub.deployments"));
        assertEquals(true, p.get("llm.cache.enabled"));
        assertEquals("{header:x-team}", p.get("llm.metrics.dimensions.team"));
        assertEquals("premium", p.get("llm.auth.product-rules[0].product"));
        assertTrue(p.keySet().stream().noneMatch(k -> k.startsWith("llm.backends")), "resources are not settings");
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() {
        InvalidDefinitionException e = refused("cache: {enabled: true, tll: 5m}");
        assertEquals("gateway.yml: llm.cache.tll", e.field());
        assertTrue(e.getMessage().contains("[deployments, enabled, max-entries, max-entry-bytes, ttl]"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        assertEquals("gateway.yml: llm.max-body-bytes", refused("max-body-bytes: lots").field());
        assertEquals("gateway.yml: llm.cache.enabled", refused("cache: {enabled: yes-please}").field());
        assertEquals("gateway.yml: llm.retry-interval", refused("retry-interval: 5 seconds").field());
        assertEquals("gateway.yml: llm.auth.product-rules", refused("auth: {product-rules: {claim: roles}}").field());
        assertEquals("gateway.yml: llm.retry-formula", refused("retry-formula: cubic").field());
    }

    @Test
    void whatTheProxyWouldRefuseIsRefusedNamingTheKey() {
        InvalidDefinitionException limit = refused("token-limits: {x: {counter-key: \"{nope}\", tokens-per-minute: 5}}");
        assertEquals("gateway.yml: llm.token-limits.x", limit.field());

        InvalidDefinitionException dimension = refused("metrics: {dimensions: {team: \"{header-x}\"}}");
        assertTrue(dimension.getMessage().startsWith("llm.metrics.dimensions.team: "), dimension.getMessage());

        InvalidDefinitionException rule = refused("auth: {product-rules: [{claim: roles, product: premium}]}");
        assertEquals("llm.auth.product-rules[0].value: is required", rule.getMessage());
    }
}
