package dev.mcpgateway.llm.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.auth.keys.SigningKeys;
import dev.mcpgateway.auth.token.AccessTokenIssuer;
import dev.mcpgateway.auth.token.Grant;
import dev.mcpgateway.auth.token.Identity;
import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.llm.policy.ScriptedPolicies;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callers identified by the gateway's own OAuth access tokens, minted by the in-process authorization server
 * (client_credentials for a registered confidential client) and presented as {@code Authorization: Bearer}.
 */
class GatewayTokenCallersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "https://gateway.example";
    private static final String LLM = ISSUER + "/openai";
    private static final String OTHER = ISSUER + "/mcp/weather";
    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";

    @TempDir
    Path dataDir;
    private ProxyFixture proxy;

    @AfterEach
    void stop() {
        proxy.close();
    }

    private ProxyFixture withAuthServer() throws Exception {
        return new ProxyFixture().backend("b", "azure-openai")
                .route("b", "gpt-4o")
                .property("gateway.auth.issuer", ISSUER)
                .property("gateway.auth.data-dir", dataDir.toString())
                .property("gateway.auth.resources.weather.url", OTHER)
                .property("llm.auth.product", "starter");
    }

    /** A registered confidential client: its id and secret. */
    private record Client(String id, String secret) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }
    }

    private Client register(String name) throws Exception {
        HttpResponse<String> r = ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/register", "{\"client_name\":\"" + name
                + "\",\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}"));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode json = JSON.readTree(r.body());
        return new Client(json.get("client_id").asText(), json.get("client_secret").asText());
    }

    private String token(Client client, String resource) throws Exception {
        HttpResponse<String> r = ProxyHttp.send(form("/token", client,
                Map.of("grant_type", "client_credentials", "resource", resource)));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private HttpRequest.Builder form(String path, Client client, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(proxy.uri().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", client.basic())
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> chat(String authorizationHeader, String value) throws Exception {
        return ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions", CHAT).header(authorizationHeader, value));
    }

    private HttpResponse<String> bearer(String token) throws Exception {
        return chat("Authorization", "Bearer " + token);
    }

    private static void assertRefusedWithChallenge(HttpResponse<String> r) throws Exception {
        assertEquals(401, r.statusCode(), r.body());
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertEquals("invalid_api_key", error.path("code").asText());
        assertFalse(error.path("message").asText().isBlank());
        String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Bearer error=\"invalid_token\""), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + ISSUER + "/.well-known/oauth-protected-resource/openai\""),
                challenge);
    }

    @Nested
    class WithAValidToken {

        @Test
        void theCallerIsAdmittedAndRoutedToTheBackend() throws Exception {
            proxy = withAuthServer().start();
            String token = token(register("nightly-agent"), LLM);

            HttpResponse<String> r = bearer(token);

            assertEquals(200, r.statusCode(), r.body());
            assertEquals(1, proxy.fake("b").requestCount());
            assertTrue(proxy.fake("b").received().getFirst().headers().values().stream()
                    .noneMatch(v -> v.contains(token)), "the gateway token is not forwarded upstream");
        }

        @Test
        void itsClaimsReachThePoliciesAndItPresentsNoSubscriptionKey() throws Exception {
            ScriptedPolicies policies = new ScriptedPolicies();
            proxy = withAuthServer().policies(policies).start();
            Client agent = register("agent-one");

            assertEquals(200, bearer(token(agent, LLM)).statusCode());

            Consumer caller = policies.calls().getFirst().consumer();
            assertEquals(agent.id(), caller.claims().get("client_id"));
            assertTrue(caller.isTokenCaller());
            assertNull(policies.calls().getFirst().subscriptionKey(), "a token is no subscription key");
        }

        @Test
        void itsSubjectIsTheUserDimensionOfTheTokenMetrics() throws Exception {
            proxy = withAuthServer().start();
            Client agent = register("metered-agent");
            assertEquals(200, bearer(token(agent, LLM)).statusCode());

            String scrape = ProxyHttp.send(HttpRequest.newBuilder(proxy.uri().resolve("/metrics")).GET()).body();

            assertTrue(scrape.contains("user=\"" + agent.id() + "\""), scrape);
            assertTrue(scrape.contains("subscription=\"token:" + agent.id() + "\""), scrape);
            assertTrue(scrape.contains("product=\"starter\""), scrape);
        }

        @Test
        void theLlmApiIsAProtectedResourceWithMetadata() throws Exception {
            proxy = withAuthServer().start();

            HttpResponse<String> metadata = ProxyHttp.send(HttpRequest.newBuilder(
                    proxy.uri().resolve("/.well-known/oauth-protected-resource/openai")).GET());

            assertEquals(200, metadata.statusCode());
            JsonNode json = JSON.readTree(metadata.body());
            assertEquals(LLM, json.path("resource").asText());
            assertEquals("llm", json.path("scopes_supported").path(0).asText());
            HttpResponse<String> unknown = ProxyHttp.send(form("/token", register("probe"),
                    Map.of("grant_type", "client_credentials", "resource", ISSUER + "/nowhere")));
            assertEquals("invalid_target", JSON.readTree(unknown.body()).path("error").asText());
        }

        @Test
        void aConfiguredResourceUrlAndScopeAreTheOnesChecked() throws Exception {
            String custom = "https://llm.example.com/openai";
            proxy = withAuthServer().property("llm.auth.resource", custom).property("llm.auth.scopes", "llm:chat").start();
            Client agent = register("custom-agent");

            assertEquals(200, bearer(token(agent, custom)).statusCode());
            assertEquals("invalid_target", JSON.readTree(ProxyHttp.send(form("/token", agent,
                    Map.of("grant_type", "client_credentials", "resource", LLM))).body()).path("error").asText());
        }

        @Test
        void aProductThatExcludesTheDeploymentIsForbidden() throws Exception {
            proxy = withAuthServer().product(new Product("starter", "Starter", true, Product.State.PUBLISHED,
                    List.of("gpt-4o-mini"))).start();

            HttpResponse<String> r = bearer(token(register("narrow-agent"), LLM));

            assertEquals(403, r.statusCode());
            assertEquals("deployment_not_in_product", JSON.readTree(r.body()).path("error").path("code").asText());
        }
    }

    @Nested
    class WithABadToken {

        @Test
        void aTokenForAnotherAudienceIs401() throws Exception {
            proxy = withAuthServer().start();
            assertRefusedWithChallenge(bearer(token(register("weather-agent"), OTHER)));
            assertEquals(0, proxy.fake("b").requestCount());
        }

        @Test
        void anExpiredTokenIs401() throws Exception {
            proxy = withAuthServer().start();
            Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
            String expired = new AccessTokenIssuer(ISSUER, proxy.context().getBean(SigningKeys.class), twoHoursAgo,
                    Duration.ofMinutes(5)).issue(new Grant("old-agent", Identity.ofClient("old-agent"), LLM,
                    List.of("llm"), "cc-old"));
            assertRefusedWithChallenge(bearer(expired));
        }

        @Test
        void aTokenWithoutTheLlmScopeIs403InsufficientScope() throws Exception {
            proxy = withAuthServer().start();
            String narrow = new AccessTokenIssuer(ISSUER, proxy.context().getBean(SigningKeys.class), Clock.systemUTC(),
                    Duration.ofMinutes(5)).issue(new Grant("narrow", Identity.ofClient("narrow"), LLM,
                    List.of("mcp:weather"), "cc-narrow"));

            HttpResponse<String> r = bearer(narrow);

            assertEquals(403, r.statusCode(), r.body());
            assertEquals("insufficient_scope", JSON.readTree(r.body()).path("error").path("code").asText());
            String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
            assertTrue(challenge.startsWith("Bearer error=\"insufficient_scope\", scope=\"llm\""), challenge);
            assertEquals(0, proxy.fake("b").requestCount());
        }

        @Test
        void aRevokedTokenIs401() throws Exception {
            proxy = withAuthServer().start();
            Client agent = register("revoked-agent");
            String token = token(agent, LLM);
            assertEquals(200, bearer(token).statusCode());

            assertEquals(200, ProxyHttp.send(form("/revoke", agent, Map.of("token", token))).statusCode());

            assertRefusedWithChallenge(bearer(token));
        }

        @Test
        void anEntraTokenIs401() throws Exception {
            proxy = withAuthServer().start();
            RSAKey entraKey = new RSAKeyGenerator(2048).keyID("entra").generate();
            SignedJWT entra = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID("entra").build(), new JWTClaimsSet.Builder()
                    .issuer("https://login.microsoftonline.com/tenant-id/v2.0").subject("user-1").audience(LLM)
                    .expirationTime(Date.from(Instant.now().plusSeconds(600))).issueTime(new Date())
                    .jwtID(UUID.randomUUID().toString()).claim("scp", "llm").build());
            entra.sign(new RSASSASigner(entraKey));
            assertRefusedWithChallenge(bearer(entra.serialize()));
        }

        @Test
        void garbageIs401() throws Exception {
            proxy = withAuthServer().start();
            assertRefusedWithChallenge(bearer("not.a-token.at-all"));
        }
    }

    @Nested
    class SubscriptionKeys {

        @Test
        void keepWorkingInEveryPlaceWithTheAuthorizationServerOn() throws Exception {
            proxy = withAuthServer().start();
            assertEquals(200, chat("api-key", ProxyFixture.KEY).statusCode());
            assertEquals(200, chat("Ocp-Apim-Subscription-Key", ProxyFixture.KEY).statusCode());
            assertEquals(200, chat("Authorization", "Bearer " + ProxyFixture.KEY).statusCode());
            HttpResponse<String> wrong = chat("api-key", "wrong-key");
            assertEquals(401, wrong.statusCode());
            assertTrue(wrong.headers().firstValue("WWW-Authenticate").isEmpty());
        }

        @Test
        void aCallWithoutAnyCredentialIsChallengedToFetchAToken() throws Exception {
            proxy = withAuthServer().start();

            HttpResponse<String> r = ProxyHttp.send(ProxyHttp.post(proxy.uri(), "/v1/chat/completions", CHAT));

            assertEquals(401, r.statusCode());
            assertEquals("Bearer resource_metadata=\"" + ISSUER + "/.well-known/oauth-protected-resource/openai\", "
                    + "scope=\"llm\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
        }

        @Test
        void withoutAnAuthorizationServerABearerThatIsNoKeyIsRefusedAsBefore() throws Exception {
            proxy = new ProxyFixture().backend("b", "azure-openai").route("b", "gpt-4o").start();
            assertEquals(200, chat("Authorization", "Bearer " + ProxyFixture.KEY).statusCode());

            HttpResponse<String> r = bearer("eyJhbGciOiJSUzI1NiJ9.e30.c2ln");

            assertEquals(401, r.statusCode());
            assertEquals("Access denied due to invalid subscription key.",
                    JSON.readTree(r.body()).path("error").path("message").asText());
            assertFalse(proxy.context().containsBean(dev.mcpgateway.auth.resource.AccessTokenValidator.class));
        }
    }
}
