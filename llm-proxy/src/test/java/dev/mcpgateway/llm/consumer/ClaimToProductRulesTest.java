package dev.mcpgateway.llm.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.auth.keys.SigningKeys;
import dev.mcpgateway.auth.token.AccessTokenIssuer;
import dev.mcpgateway.auth.token.Grant;
import dev.mcpgateway.auth.token.Identity;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llm.auth.product-rules}: gateway-token callers are put in a product by their claims (first match wins,
 * otherwise {@code llm.auth.product}), and that product's deployments apply to them (its policies too: the gateway's). The tokens are real:
 * issued by the in-process authorization server (client_credentials at {@code /token}) or signed with its keys for
 * identities carrying roles, groups and a tenant, and validated by the proxy like any other.
 */
class ClaimToProductRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "https://gateway.example";
    private static final String LLM = ISSUER + "/openai";

    @TempDir
    Path dataDir;
    private ProxyFixture proxy;

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /**
     * Products: starter (default), premium, batch (gpt-4o-mini only).
     * Rules: roles has llm-premium -> premium; groups has batch-team -> batch; tid t-contoso -> premium;
     * scope has llm:batch -> batch.
     */
    private ProxyFixture withRules() throws Exception {
        return new ProxyFixture().backend("b", "azure-openai")
                .route("b", "gpt-4o", "gpt-4o-mini")
                .property("gateway.auth.issuer", ISSUER)
                .property("gateway.auth.data-dir", dataDir.toString())
                .product(new Product("premium", "Premium", true, Product.State.PUBLISHED, List.of()))
                .product(new Product("batch", null, true, Product.State.PUBLISHED, List.of("gpt-4o-mini")))
                .property("llm.auth.product", "starter")
                .property("llm.auth.product-rules[0].claim", "roles")
                .property("llm.auth.product-rules[0].value", "llm-premium")
                .property("llm.auth.product-rules[0].product", "premium")
                .property("llm.auth.product-rules[1].claim", "groups")
                .property("llm.auth.product-rules[1].value", "batch-team")
                .property("llm.auth.product-rules[1].product", "batch")
                .property("llm.auth.product-rules[2].claim", "tid")
                .property("llm.auth.product-rules[2].value", "t-contoso")
                .property("llm.auth.product-rules[2].product", "premium")
                .property("llm.auth.product-rules[3].claim", "scope")
                .property("llm.auth.product-rules[3].value", "llm:batch")
                .property("llm.auth.product-rules[3].product", "batch");
    }

    /** A token for a user identity, signed by the in-process authorization server's keys. */
    private String userToken(String subject, String tenant, List<String> groups, List<String> roles, String... scopes) {
        Identity who = new Identity(subject, subject, subject + "@example.com", tenant, groups, roles);
        List<String> granted = scopes.length == 0 ? List.of("llm") : List.of(scopes);
        return new AccessTokenIssuer(ISSUER, proxy.context().getBean(SigningKeys.class), Clock.systemUTC(),
                Duration.ofMinutes(5)).issue(new Grant("portal", who, LLM, granted, UUID.randomUUID().toString()));
    }

    private HttpResponse<String> chat(String token, String model) throws Exception {
        return ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions",
                        "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}")
                .header("Authorization", "Bearer " + token));
    }

    private static String code(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("error").path("code").asText();
    }

    private String productLabelOf(String subject) throws Exception {
        String scrape = ProxyHttp.send(HttpRequest.newBuilder(proxy.uri().resolve("/metrics")).GET()).body();
        return scrape.lines().filter(l -> l.startsWith("llm_tokens_total_tokens_total{")
                        && l.contains("user=\"" + subject + "\""))
                .map(l -> l.replaceAll(".*product=\"([^\"]*)\".*", "$1")).findFirst().orElse("(no series)");
    }

    @Nested
    class WhenAClaimMatches {

        @Test
        void aRoleMapsTheCallerToItsProduct() throws Exception {
            proxy = withRules().start();
            String premium = userToken("pat", null, List.of(), List.of("reader", "llm-premium"));

            assertEquals(200, chat(premium, "gpt-4o").statusCode());
            assertEquals("premium", productLabelOf("pat"));
        }

        @Test
        void theFirstMatchingRuleWins() throws Exception {
            proxy = withRules().start();
            // matches rule 0 (premium) and rule 1 (batch): premium, so gpt-4o is allowed
            String both = userToken("sam", null, List.of("batch-team"), List.of("llm-premium"));

            assertEquals(200, chat(both, "gpt-4o").statusCode());
            assertEquals("premium", productLabelOf("sam"));
        }

        @Test
        void aGroupMapsToAProductWhoseDeploymentListApplies() throws Exception {
            proxy = withRules().start();
            String batch = userToken("bo", null, List.of("batch-team"), List.of());

            HttpResponse<String> refused = chat(batch, "gpt-4o");

            assertEquals(403, refused.statusCode());
            assertEquals("deployment_not_in_product", code(refused));
            assertEquals(200, chat(batch, "gpt-4o-mini").statusCode());
            assertEquals("batch", productLabelOf("bo"));
        }

        @Test
        void aTenantStringClaimAndAWordOfTheScopeClaimMatch() throws Exception {
            proxy = withRules().start();

            assertEquals(200, chat(userToken("tia", "t-contoso", List.of(), List.of()), "gpt-4o").statusCode());
            assertEquals("premium", productLabelOf("tia"));
            assertEquals(200, chat(userToken("sol", null, List.of(), List.of(), "llm", "llm:batch"), "gpt-4o-mini")
                    .statusCode());
            assertEquals("batch", productLabelOf("sol"));
        }
    }

    @Nested
    class WhenNoRuleMatches {

        @Test
        void aClientCredentialsCallerGetsTheDefaultProduct() throws Exception {
            proxy = withRules().start();

            assertEquals(200, chat(clientCredentialsToken(), "gpt-4o").statusCode());

            String scrape = ProxyHttp.send(HttpRequest.newBuilder(proxy.uri().resolve("/metrics")).GET()).body();
            assertTrue(scrape.lines().anyMatch(l -> l.startsWith("llm_tokens_total_tokens_total{")
                    && l.contains("product=\"starter\"")), scrape);
        }

        @Test
        void aValueThatOnlyContainsTheRuleValueDoesNotMatch() throws Exception {
            proxy = withRules().start();
            String near = userToken("nia", "t-contoso-eu", List.of("batch-team-2"), List.of("llm-premium-trial"));

            assertEquals(200, chat(near, "gpt-4o").statusCode());
            assertEquals("starter", productLabelOf("nia"));
        }

        private String clientCredentialsToken() throws Exception {
            HttpResponse<String> registered = ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/register",
                    "{\"client_name\":\"cron\",\"grant_types\":[\"client_credentials\"],"
                            + "\"token_endpoint_auth_method\":\"client_secret_basic\"}"));
            JsonNode client = JSON.readTree(registered.body());
            String basic = Base64.getEncoder().encodeToString((client.get("client_id").asText() + ":"
                    + client.get("client_secret").asText()).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> token = ProxyHttp.send(HttpRequest.newBuilder(proxy.uri().resolve("/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&resource=" + LLM)));
            assertEquals(200, token.statusCode(), token.body());
            return JSON.readTree(token.body()).get("access_token").asText();
        }
    }

    @Nested
    class AtStartUp {

        private String failure(ProxyFixture fixture) {
            RuntimeException e = assertThrows(RuntimeException.class, fixture::start);
            fixture.close();
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            return all.toString();
        }

        @Test
        void aRuleNamingAnUnknownProductStopsTheStartNamingTheKey() throws Exception {
            String m = failure(withRules().property("llm.auth.product-rules[1].product", "platinum"));
            assertTrue(m.contains("llm.auth.product-rules[1].product: product 'platinum' does not exist"), m);
        }

        @Test
        void aDefaultProductThatDoesNotExistStopsTheStartNamingTheKey() throws Exception {
            String m = failure(withRules().property("llm.auth.product", "bronze-typo"));
            assertTrue(m.contains("llm.auth.product: product 'bronze-typo' does not exist"), m);
        }

        @Test
        void aRuleWithoutItsClaimStopsTheStartNamingTheKey() throws Exception {
            String m = failure(withRules().property("llm.auth.product-rules[2].claim", null));
            assertTrue(m.contains("llm.auth.product-rules[2].claim: is required"), m);
        }
    }
}
