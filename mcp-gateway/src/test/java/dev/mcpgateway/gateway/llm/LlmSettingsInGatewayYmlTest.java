package dev.mcpgateway.gateway.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.auth.keys.SigningKeys;
import dev.mcpgateway.auth.token.AccessTokenIssuer;
import dev.mcpgateway.auth.token.Grant;
import dev.mcpgateway.auth.token.Identity;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy-wide keys of gateway.yml's {@code llm:} section (token limits, size caps, metric dimensions, product
 * rules...) applied to the embedded LLM proxy at start-up, and refused naming the key when wrong.
 */
class LlmSettingsInGatewayYmlTest {

    private static final String KEY = "team-a-primary-key-0001";
    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";

    @TempDir
    Path dir;
    private FakeOpenAiBackend fake;

    @BeforeEach
    void start() throws Exception {
        fake = FakeOpenAiBackend.start("east");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String resources() {
        return """
                backends:
                  east: {url: %s, aiProvider: azure-openai, credentials: {header: {api-key: [upstream-key]}}}
                  gpt: {type: Pool, pool: {services: [{id: /backends/east}]}, models: [gpt-4o]}
                products:
                  team: {deployments: [gpt-4o]}
                  premium: {displayName: Premium}
                subscriptions:
                  team-a: {scope: /products/team, primaryKey: %s}
                llm:
                """.formatted(fake.baseUri(), KEY);
    }

    private GatewayFixture startWith(String yml, Map<String, Object> properties) throws Exception {
        Path file = dir.resolve("gateway.yml");
        Files.writeString(file, yml);
        Map<String, Object> all = new HashMap<>(properties);
        all.put("gateway.config-file", file.toString());
        return GatewayFixture.start(dir.resolve("data"), all);
    }

    private static GatewayFixture.Response chat(GatewayFixture gateway, String body, Map<String, String> headers)
            throws Exception {
        Map<String, String> all = new HashMap<>(headers);
        all.put("api-key", KEY);
        return gateway.send("POST", "/v1/chat/completions", body, all);
    }

    @Nested
    class WhenDeclared {

        static final String SETTINGS = """
                  max-body-bytes: 4096
                  token-limits:
                    per-subscription:
                      counter-key: "{subscription}"
                      tokens-per-minute: 40
                      estimate-prompt-tokens: true
                      tokens-consumed-header-name: x-tokens-consumed
                      products: [team]
                  metrics:
                    dimensions:
                      team: "{header:x-team}"
                  auth:
                    product: team
                    product-rules:
                      - {claim: roles, value: llm-premium, product: premium}
                """;

        @Test
        void theTokenLimitIsEnforcedOverHttp() throws Exception {
            try (GatewayFixture gateway = startWith(resources() + SETTINGS, Map.of())) {
                assertEquals(200, chat(gateway, CHAT, Map.of()).status());
                assertEquals(200, chat(gateway, CHAT, Map.of()).status());

                GatewayFixture.Response refused = chat(gateway, CHAT, Map.of());

                assertEquals(429, refused.status(), refused.body());
                assertEquals("token_limit_exceeded", refused.json().path("error").path("code").asText());
                assertEquals(2, fake.requestCount(), "the refused call never reached the backend");
            }
        }

        @Test
        void theSizeCapAndTheMetricDimensionApplyAndWinOverProperties() throws Exception {
            // a property says 10 MB; gateway.yml, the layer above properties, says 4096 bytes
            try (GatewayFixture gateway = startWith(resources() + SETTINGS, Map.of("llm.max-body-bytes", 10_000_000))) {
                String big = CHAT.replace("hello there", "x".repeat(5000));
                GatewayFixture.Response tooBig = chat(gateway, big, Map.of());
                assertEquals(413, tooBig.status(), tooBig.body());

                assertEquals(200, chat(gateway, CHAT, Map.of("x-team", "search")).status());
                String scrape = gateway.send("GET", "/metrics", null, Map.of()).body();
                assertTrue(scrape.lines().anyMatch(l -> l.startsWith("llm_tokens_total_tokens_total{")
                        && l.contains("team=\"search\"")), scrape);
            }
        }
    }

    @Nested
    class WithTheAuthorizationServer {

        private static final String ISSUER = "https://gateway.example";

        private String token(GatewayFixture gateway, String subject, List<String> roles) {
            return new AccessTokenIssuer(ISSUER, gateway.bean(SigningKeys.class), Clock.systemUTC(),
                    Duration.ofMinutes(5)).issue(new Grant("portal", new Identity(subject, null, null, null, List.of(),
                    roles), ISSUER + "/openai", List.of("llm"), UUID.randomUUID().toString()));
        }

        @Test
        void theDeclaredProductRulesPutTokenCallersInTheDeclaredProducts() throws Exception {
            String yml = resources() + WhenDeclared.SETTINGS;
            try (GatewayFixture gateway = startWith(yml, Map.of("gateway.auth.issuer", ISSUER,
                    "gateway.auth.data-dir", dir.resolve("auth").toString()))) {
                String premium = token(gateway, "pat", List.of("llm-premium"));
                String plain = token(gateway, "sam", List.of());
                Map<String, String> asPremium = Map.of("Authorization", "Bearer " + premium);
                Map<String, String> asPlain = Map.of("Authorization", "Bearer " + plain);

                for (int i = 0; i < 3; i++) {
                    assertEquals(200, gateway.send("POST", "/v1/chat/completions", CHAT, asPremium).status(),
                            "premium (declared in gateway.yml) has no token limit");
                }
                assertEquals(200, gateway.send("POST", "/v1/chat/completions", CHAT, asPlain).status());
                assertEquals(200, gateway.send("POST", "/v1/chat/completions", CHAT, asPlain).status());
                assertEquals(429, gateway.send("POST", "/v1/chat/completions", CHAT, asPlain).status(),
                        "the default product 'team' has the 40 tokens a minute limit");
            }
        }
    }

    @Nested
    class WhenWrong {

        private String failure(String yml) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> startWith(yml, Map.of()).close());
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            return all.toString();
        }

        @Test
        void anUnknownTokenLimitAttributeIsNamed() {
            String m = failure(resources() + """
                      token-limits:
                        per-sub: {counter-key: "{subscription}", tokens-per-minit: 40}
                    """);
            assertTrue(m.contains("llm.token-limits.per-sub.tokens-per-minit: is not a known key"), m);
        }

        @Test
        void aBadValueOrAPolicyWithoutALimitIsNamed() {
            String ttl = failure(resources() + "  cache: {enabled: true, ttl: soon}\n");
            assertTrue(ttl.contains("llm.cache.ttl: must be a duration"), ttl);

            String limitless = failure(resources() + "  token-limits:\n    broken: {counter-key: \"{subscription}\"}\n");
            assertTrue(limitless.contains("llm.token-limits.broken: llm-token-limit needs tokens-per-minute"), limitless);
        }

        @Test
        void aProductRuleNamingAProductNoOneDeclaredIsNamed() {
            String m = failure(resources() + """
                      auth:
                        product-rules:
                          - {claim: roles, value: llm-premium, product: premium}
                          - {claim: groups, value: batch, product: batch}
                    """);
            assertTrue(m.contains("llm.auth.product-rules[1].product: product 'batch' does not exist"), m);
        }
    }
}
