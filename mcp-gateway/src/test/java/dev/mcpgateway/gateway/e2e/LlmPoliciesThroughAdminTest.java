package dev.mcpgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.SdkClientScript;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import dev.mcpgateway.testsupport.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy documents written through APIM's policy routes apply to the LLM path: an Azure OpenAI API configured with
 * ARM bodies, called by the official OpenAI npm client's {@code AzureOpenAI} with a subscription key. The backend
 * reports 2000 prompt + 1000 completion tokens a call, the proxy's clock stands at 10:00:05 of a fresh minute.
 */
class LlmPoliciesThroughAdminTest {

    static final String SPEC = "LlmPoliciesThroughAdminTest";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "Hello from the fake backend.";
    private static final String CHAT_PATH = "/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
    private static final String CHAT = "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-03-10T10:00:05Z"));

    private static FakeOpenAiBackend aoai;
    private static FakeOpenAiBackend west;
    private static GatewayFixture gateway;
    private static String key;

    @BeforeAll
    static void configureThroughArm(@TempDir Path dataDir) throws Exception {
        aoai = FakeOpenAiBackend.start("aoai");
        west = FakeOpenAiBackend.start("west");
        // Micronaut itself refuses foreign Origins on a loopback server (drive-by-localhost guard); the cors tests let
        // the API's policy decide, as on a non-loopback deployment
        gateway = GatewayFixture.start(dataDir, Map.of("spec.name", SPEC,
                "micronaut.server.cors.localhost-pass-through", "true"), CLOCK);
        backend("aoai", aoai);
        backend("aoai-west", west);
        put("/admin/apis/aoai", """
                {"properties": {"type": "azure-openai", "displayName": "Azure OpenAI", "path": "",
                 "backendId": "/backends/aoai", "subscriptionRequired": true}}""");
        put("/admin/products/ai", "{\"properties\": {\"displayName\": \"AI\", \"state\": \"published\"}}");
        assertEquals(201, gateway.admin("PUT", "/admin/products/ai/apis/aoai", null).status());
        put("/admin/subscriptions/team-a", "{\"properties\": {\"scope\": \"/products/ai\"}}");
        key = gateway.admin("POST", "/admin/subscriptions/team-a/listSecrets", null).json().path("primaryKey")
                .asText();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        aoai.close();
        west.close();
    }

    /** No document from an earlier test, a fresh minute for the counters, the backend's usage as described. */
    @BeforeEach
    void fresh() throws Exception {
        for (String scope : List.of("/admin/policies/policy", "/admin/products/ai/policies/policy",
                "/admin/apis/aoai/policies/policy", "/admin/apis/aoai/operations/ChatCompletions_Create/policies/policy")) {
            gateway.admin("DELETE", scope, null);
        }
        CLOCK.advance(Duration.ofMinutes(1));
        for (FakeOpenAiBackend backend : List.of(aoai, west)) {
            backend.reset();
            backend.always(new FakeOpenAiBackend.Behaviour.Ok(2000, 1000, HELLO, 4));
        }
    }

    private static void backend(String id, FakeOpenAiBackend fake) throws Exception {
        put("/admin/backends/" + id, """
                {"properties": {"url": "%s", "protocol": "http", "credentials": {"header": {"api-key": ["k"]}}}}"""
                .formatted(fake.baseUri()));
    }

    private static void put(String path, String body) throws Exception {
        GatewayFixture.Response created = gateway.admin("PUT", path, body);
        assertEquals(201, created.status(), path + ": " + created.body());
    }

    private static void policy(String scope, String document) throws Exception {
        put(scope + "/policies/policy", JSON.writeValueAsString(Map.of("format", "rawxml", "value", document)));
    }

    /** APIM's own example of the policy, as its documentation gives it. */
    private static String apimExample(String name) throws IOException {
        try (InputStream in = LlmPoliciesThroughAdminTest.class.getResourceAsStream("/policies/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<JsonNode> officialClient(int calls) throws Exception {
        JsonNode answers = SdkClientScript.run("/node/azure-openai-chat.mjs",
                List.of(gateway.uri("").toString(), key, Integer.toString(calls)));
        return StreamSupport.stream(answers.spliterator(), false).toList();
    }

    private static GatewayFixture.Response raw() throws Exception {
        return gateway.send("POST", CHAT_PATH, CHAT, Map.of("api-key", key));
    }

    @Nested
    class AnApimTokenLimitOnTheApi {

        @Test
        void letsTheOfficialClientThroughUntilItsTokensAreSpentThen429sWithRetryAfter() throws Exception {
            policy("/admin/apis/aoai", apimExample("apim-llm-token-limit-rate.xml"));

            List<JsonNode> answers = officialClient(3);

            for (JsonNode answer : answers.subList(0, 2)) {
                assertEquals(200, answer.path("status").asInt(), answers.toString());
                assertEquals(HELLO, answer.path("content").asText());
            }
            JsonNode refused = answers.get(2);
            assertEquals(429, refused.path("status").asInt(), answers.toString());
            assertEquals("token_limit_exceeded", refused.path("error").path("code").asText());
            assertEquals("55", refused.path("retryAfter").asText(), "the minute ends in 55 seconds");
            assertEquals(2, aoai.requestCount(), "6000 of 5000 tokens spent by the first two calls");
        }

        @Test
        void refusesInTheOpenAiErrorEnvelope() throws Exception {
            policy("/admin/apis/aoai", apimExample("apim-llm-token-limit-rate.xml"));
            assertEquals(200, raw().status());
            assertEquals(200, raw().status());

            GatewayFixture.Response refused = raw();

            assertEquals(429, refused.status());
            assertTrue(refused.contentType().startsWith("application/json"), refused.contentType());
            JsonNode error = refused.json().path("error");
            assertEquals("Token limit is exceeded. Try again in 55 seconds.", error.path("message").asText());
            assertEquals("rate_limit_error", error.path("type").asText());
            assertTrue(error.path("param").isNull());
            assertEquals("token_limit_exceeded", error.path("code").asText());
            assertEquals("55", refused.header("Retry-After"));
        }

        @Test
        void appliesAtTheProductAndOperationScopesItIsWrittenFor() throws Exception {
            policy("/admin/products/ai", """
                    <policies><inbound><base /><llm-token-limit counter-key="@(context.Subscription.Id)"
                        tokens-per-minute="100000" remaining-tokens-header-name="x-remaining-tokens" />
                    </inbound></policies>""");
            policy("/admin/apis/aoai/operations/ChatCompletions_Create", """
                    <policies><inbound><base /><llm-token-limit counter-key="@(context.Operation.Id)"
                        tokens-per-minute="20000" tokens-consumed-header-name="x-consumed-tokens" />
                    </inbound></policies>""");

            GatewayFixture.Response chat = raw();
            GatewayFixture.Response embeddings = gateway.send("POST",
                    "/deployments/gpt-4o/embeddings?api-version=2024-10-21", "{\"input\":\"hi\"}",
                    Map.of("api-key", key));

            assertEquals(200, chat.status(), chat.body());
            assertEquals("97000", chat.header("x-remaining-tokens"), "the product's limit, after 3000 tokens");
            assertEquals("3000", chat.header("x-consumed-tokens"), "the chat operation's limit");
            assertEquals(200, embeddings.status(), embeddings.body());
            assertFalse(embeddings.header("x-remaining-tokens") == null, "the product's limit applies to every call");
            assertNull(embeddings.header("x-consumed-tokens"), "the chat operation's does not");
        }
    }

    @Nested
    class AReturnResponse {

        @Test
        void answersAsTheHttpResponseItWritesWithoutCallingTheBackend() throws Exception {
            policy("/admin", """
                    <policies><inbound>
                        <return-response>
                            <set-status code="200" reason="OK" />
                            <set-header name="x-answered-by" exists-action="override"><value>policy</value></set-header>
                            <set-body>{"choices":[]}</set-body>
                        </return-response>
                    </inbound></policies>""");

            GatewayFixture.Response answer = raw();

            assertEquals(200, answer.status());
            assertEquals("{\"choices\":[]}", answer.body());
            assertEquals("policy", answer.header("x-answered-by"));
            assertEquals(0, aoai.requestCount());
        }
    }

    @Nested
    class AnApimTokenMetric {

        @Test
        void valuesTheTokenMetricsDimensions() throws Exception {
            // APIM's example, with a custom dimension of ours
            policy("/admin", apimExample("apim-llm-emit-token-metric.xml").replace("</llm-emit-token-metric>",
                    "<dimension name=\"Team\" value=\"@(context.Request.Headers.GetValueOrDefault(\"x-team\", \"\"))\" />"
                            + "</llm-emit-token-metric>"));

            assertEquals(200, gateway.send("POST", CHAT_PATH, CHAT, Map.of("api-key", key, "x-team", "search"))
                    .status());

            String scrape = gateway.send("GET", "/metrics", null, Map.of()).body();
            List<String> totals = scrape.lines().filter(l -> l.startsWith("llm_tokens_total_tokens_total{")).toList();
            assertTrue(totals.stream().anyMatch(l -> l.contains("team=\"search\"") && l.contains("api=\"aoai\"")
                    && l.contains("client_ip=\"127.0.0.1\"") && l.contains("subscription=\"team-a\"")),
                    totals.toString());
        }

        @Test
        void aDimensionWithoutAValueMustBeOneOfTheDefaultOnes() throws Exception {
            GatewayFixture.Response refused = gateway.admin("PUT", "/admin/policies/policy", JSON.writeValueAsString(
                    Map.of("format", "rawxml", "value", """
                            <policies><inbound><llm-emit-token-metric>
                                <dimension name="Team" />
                            </llm-emit-token-metric></inbound></policies>""")));

            assertEquals(422, refused.status(), refused.body());
            assertTrue(refused.json().path("detail").asText().contains("<dimension> at line 2"), refused.body());
            assertFalse(refused.json().path("detail").asText().isBlank());
        }
    }

    @Nested
    class ASetBackendServiceAtTheOperation {

        @Test
        void sendsTheCallToTheNamedBackendWithTheHeadersThePolicySet() throws Exception {
            try (FakeOpenAiBackend westus = FakeOpenAiBackend.start("westus")) {
                westus.always(new FakeOpenAiBackend.Behaviour.Ok(10, 5, "Hello from West US.", 1));
                gateway.admin("PUT", "/admin/backends/westus", """
                        {"properties": {"url": "%s", "protocol": "http", "credentials": {"header": {"api-key": ["w"]}}}}"""
                        .formatted(westus.baseUri()));
                policy("/admin/apis/aoai/operations/ChatCompletions_Create", """
                        <policies>
                            <inbound>
                                <base />
                                <set-backend-service backend-id="westus" />
                                <set-header name="x-route" exists-action="override"><value>west</value></set-header>
                            </inbound>
                        </policies>""");

                GatewayFixture.Response answered = raw();

                assertEquals(200, answered.status(), answered.body());
                assertEquals(0, aoai.requestCount(), "the API's own backend is not called");
                assertEquals(1, westus.requestCount());
                FakeOpenAiBackend.Received received = westus.received().getFirst();
                assertEquals("west", received.headers().get("x-route"), received.headers().toString());
                assertEquals("w", received.headers().get("api-key"), "the chosen backend's own credential");
                gateway.admin("DELETE", "/admin/apis/aoai/operations/ChatCompletions_Create/policies/policy", null);
                gateway.admin("DELETE", "/admin/backends/westus", null);
            }
        }

        @Test
        void refusesADocumentNamingABackendThatDoesNotExist() throws Exception {
            GatewayFixture.Response refused = gateway.admin("PUT", "/admin/apis/aoai/policies/policy",
                    JSON.writeValueAsString(Map.of("format", "xml", "value",
                            "<policies><inbound><set-backend-service backend-id=\"nowhere\" /></inbound></policies>")));

            assertEquals(422, refused.status(), refused.body());
            assertEquals("policies.apis/aoai.value: <set-backend-service> at line 1: backend-id: no backend 'nowhere'",
                    refused.json().path("detail").asText());
        }
    }

    @Nested
    class ASetBackendService {

        @Test
        void sendsTheCallToTheBackendItNames() throws Exception {
            policy("/admin/apis/aoai", "<policies><inbound><base /><set-backend-service backend-id=\"aoai-west\" />"
                    + "</inbound></policies>");

            JsonNode answer = officialClient(1).getFirst();

            assertEquals("west", answer.path("backend").asText(), answer.toString());
            assertEquals(0, aoai.requestCount());
        }

        @Test
        void withABaseUrlAloneIsRefusedForNamingNoBackendResource() throws Exception {
            policy("/admin/apis/aoai", "<policies><backend><set-backend-service base-url=\"https://x.example\" />"
                    + "</backend></policies>");

            GatewayFixture.Response refused = raw();

            assertEquals(500, refused.status(), refused.body());
            assertEquals("backend_not_supported", refused.json().path("error").path("code").asText());
            assertEquals(0, aoai.requestCount() + west.requestCount());
        }
    }

    @Nested
    class AnApimRetryInTheBackendSection {

        /** As APIM exports have it; the backend's 429s say Retry-After: 0, which its breaker honours. */
        private static final String RETRY = """
                <policies>
                    <inbound><base /></inbound>
                    <backend>
                        <retry condition="@(context.Response.StatusCode == 429 || context.Response.StatusCode >= 500)"
                               count="%d" interval="1" first-fast-retry="true">
                            <forward-request buffer-request-body="true" />
                        </retry>
                    </backend>
                </policies>""";

        @Test
        void aCallerThatGoesAwayDuringTheWaitIsNotSentAgain() throws Exception {
            policy("/admin/apis/aoai", RETRY.formatted(2).replace("interval=\"1\" first-fast-retry=\"true\"",
                    "interval=\"2\""));
            aoai.always(FakeOpenAiBackend.tooManyRequests(0));
            java.net.http.HttpClient impatient = java.net.http.HttpClient.newHttpClient();

            assertThrows(java.net.http.HttpTimeoutException.class, () -> impatient.send(java.net.http.HttpRequest
                    .newBuilder(gateway.uri(CHAT_PATH)).timeout(Duration.ofMillis(700)).header("api-key", key)
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(CHAT)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
            impatient.close();
            Thread.sleep(3_000);

            assertEquals(1, aoai.requestCount(), "no retry for a caller that closed its connection");
        }

        @Test
        void theOfficialClientGetsTheAnswerOfTheRetryAfterTheBackendThrottled() throws Exception {
            policy("/admin/apis/aoai", RETRY.formatted(3));
            aoai.thenRespond(FakeOpenAiBackend.tooManyRequests(0));

            JsonNode answer = officialClient(1).getFirst();

            assertEquals(200, answer.path("status").asInt(), answer.toString());
            assertEquals(HELLO, answer.path("content").asText());
            assertEquals(2, aoai.requestCount());
        }

        @Test
        void whenTheRetriesAreSpentTheCallerGetsTheLastAnswer() throws Exception {
            policy("/admin/apis/aoai", RETRY.formatted(2));
            aoai.always(FakeOpenAiBackend.tooManyRequests(0));

            GatewayFixture.Response answer = raw();

            assertEquals(429, answer.status(), answer.body());
            assertEquals("Rate limit reached", answer.json().path("error").path("message").asText());
            assertEquals(3, aoai.requestCount(), "the first attempt and two retries");
        }

        @Test
        void whenTheBackendsBreakerTripsOnTheFirst429TheCallerGetsThatAnswerNotTheGateways503() throws Exception {
            policy("/admin/apis/aoai", RETRY.formatted(2));
            aoai.always(FakeOpenAiBackend.tooManyRequests(30));

            GatewayFixture.Response answer = raw();

            assertEquals(429, answer.status(), answer.body());
            assertEquals("Rate limit reached", answer.json().path("error").path("message").asText());
            assertEquals(1, aoai.requestCount(), "the tripped backend is not called again while it asks to wait");
            gateway.admin("POST", "/admin/backends/aoai/reconnect", null);
        }

        @Test
        void aStreamIsRetriedBeforeItsFirstByteReachesTheCaller() throws Exception {
            policy("/admin/apis/aoai", RETRY.formatted(3));
            aoai.thenRespond(FakeOpenAiBackend.tooManyRequests(0));

            GatewayFixture.Response streamed = gateway.send("POST", CHAT_PATH,
                    CHAT.replace("{\"messages\"", "{\"stream\":true,\"messages\""), Map.of("api-key", key));

            assertEquals(200, streamed.status(), streamed.body());
            assertTrue(streamed.body().startsWith("data: ") && streamed.body().contains("[DONE]"), streamed.body());
            assertEquals(2, aoai.requestCount());
        }

        @Test
        void itsSetBackendServiceSendsTheRetryToAnotherBackend() throws Exception {
            policy("/admin/apis/aoai", RETRY.formatted(3).replace("<forward-request", """
                    <set-backend-service backend-id="@(context.Response.StatusCode == 429 ? "aoai-west" : "aoai")" />
                    <forward-request"""));
            aoai.always(FakeOpenAiBackend.tooManyRequests(0));

            JsonNode answer = officialClient(1).getFirst();

            assertEquals(200, answer.path("status").asInt(), answer.toString());
            assertEquals("west", answer.path("backend").asText());
            assertEquals(1, aoai.requestCount());
            assertEquals(1, west.requestCount());
        }

        @Test
        void aRetriedCallIsOneCallForTheTokenLimit() throws Exception {
            policy("/admin/apis/aoai", RETRY.formatted(3).replace("<inbound><base /></inbound>", """
                    <inbound><base /><llm-token-limit counter-key="@(context.Subscription.Id)"
                        tokens-per-minute="10000" remaining-tokens-header-name="x-remaining-tokens" /></inbound>"""));
            aoai.thenRespond(FakeOpenAiBackend.tooManyRequests(0), FakeOpenAiBackend.tooManyRequests(0));

            GatewayFixture.Response retried = raw();
            GatewayFixture.Response next = raw();

            assertEquals(200, retried.status(), retried.body());
            assertEquals("7000", retried.header("x-remaining-tokens"), "charged the 3000 tokens of the answer kept");
            assertEquals("4000", next.header("x-remaining-tokens"));
            assertEquals(4, aoai.requestCount());
        }
    }

    @Nested
    class OutboundAndOnError {

        @Test
        void outboundPoliciesSeeTheBackendsStatusAndSetTheCallersHeaders() throws Exception {
            policy("/admin/apis/aoai", """
                    <policies>
                        <inbound><base /></inbound>
                        <outbound>
                            <base />
                            <set-header name="x-backend-status" exists-action="override">
                                <value>@(context.Response.StatusCode.ToString())</value>
                            </set-header>
                        </outbound>
                    </policies>""");

            GatewayFixture.Response answered = raw();

            assertEquals(200, answered.status(), answered.body());
            assertEquals("200", answered.header("x-backend-status"));
        }

        @Test
        void aForwardRequestTimeoutGivesTheBackendThatLong() throws Exception {
            aoai.reset();
            aoai.thenRespond(new FakeOpenAiBackend.Behaviour.Hang());
            policy("/admin/apis/aoai", """
                    <policies>
                        <inbound><base /></inbound>
                        <backend><forward-request timeout="1" /></backend>
                    </policies>""");

            long started = System.nanoTime();
            GatewayFixture.Response answer = raw();
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

            assertEquals(504, answer.status(), answer.body());
            assertTrue(seconds < 10, "given up after the policy's second, not the backend's timeout: " + seconds + " s");
            gateway.admin("POST", "/admin/backends/aoai/reconnect", null);
        }

        @Test
        void anOutboundReturnResponseReplacesTheBackendsAnswer() throws Exception {
            aoai.reset();
            aoai.thenRespond(FakeOpenAiBackend.tooManyRequests(0));
            policy("/admin/apis/aoai", """
                    <policies>
                        <inbound><base /></inbound>
                        <outbound>
                            <base />
                            <choose>
                                <when condition="@(context.Response.StatusCode == 429)">
                                    <return-response>
                                        <set-status code="503" reason="Busy" />
                                        <set-header name="Content-Type" exists-action="override"><value>application/json</value></set-header>
                                        <set-body>{"error": {"message": "The model is busy; try again shortly.", "code": "busy"}}</set-body>
                                    </return-response>
                                </when>
                            </choose>
                        </outbound>
                    </policies>""");

            GatewayFixture.Response answered = raw();

            assertEquals(503, answered.status(), answered.body());
            assertEquals("busy", answered.json().path("error").path("code").asText(), answered.body());
        }

        @Test
        void onErrorAnswersInPlaceOfAnInboundRefusal() throws Exception {
            policy("/admin/apis/aoai", """
                    <policies>
                        <inbound>
                            <base />
                            <check-header name="x-team" failed-check-httpcode="403" failed-check-error-message="No team." ignore-case="true">
                                <value>blue</value>
                            </check-header>
                        </inbound>
                        <on-error>
                            <return-response>
                                <set-status code="403" reason="Forbidden" />
                                <set-header name="Content-Type" exists-action="override"><value>application/json</value></set-header>
                                <set-body>{"error": {"message": "Ask the platform team for access.", "code": "team_required"}}</set-body>
                            </return-response>
                        </on-error>
                    </policies>""");

            GatewayFixture.Response refused = raw();

            assertEquals(403, refused.status(), refused.body());
            assertEquals("team_required", refused.json().path("error").path("code").asText(), refused.body());
            assertEquals(0, aoai.requestCount(), "the backend was not called");
        }
    }

    @Nested
    class ACorsPolicy {

        private static final String CORS = """
                <policies>
                    <inbound>
                        <cors allow-credentials="true">
                            <allowed-origins><origin>https://app.example/</origin></allowed-origins>
                            <allowed-methods preflight-result-max-age="300"><method>POST</method></allowed-methods>
                            <allowed-headers><header>api-key</header><header>content-type</header></allowed-headers>
                            <expose-headers><header>x-tokens-consumed</header></expose-headers>
                        </cors>
                        <base />
                    </inbound>
                </policies>""";

        private GatewayFixture.Response preflight(String origin) throws Exception {
            return gateway.send("OPTIONS", CHAT_PATH, null, Map.of("Origin", origin,
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "api-key, content-type"));
        }

        @Test
        void answersAnAllowedOriginsPreflightWithoutTheBackendOrAKey() throws Exception {
            policy("/admin/apis/aoai", CORS);

            GatewayFixture.Response answer = preflight("https://app.example");

            assertEquals(200, answer.status(), answer.body());
            assertEquals("https://app.example", answer.header("Access-Control-Allow-Origin"));
            assertEquals("true", answer.header("Access-Control-Allow-Credentials"));
            assertEquals("POST", answer.header("Access-Control-Allow-Methods"));
            assertEquals("api-key, content-type", answer.header("Access-Control-Allow-Headers"));
            assertEquals("300", answer.header("Access-Control-Max-Age"));
            assertEquals(0, aoai.requestCount());
        }

        @Test
        void answersAnotherOriginsPreflightWithoutCorsHeadersSoTheBrowserRefusesIt() throws Exception {
            policy("/admin/apis/aoai", CORS);

            GatewayFixture.Response answer = preflight("https://evil.example");

            assertEquals(200, answer.status(), answer.body());
            assertEquals(null, answer.header("Access-Control-Allow-Origin"));
        }

        @Test
        void givesAnAllowedOriginsCallTheHeadersAPageNeedsToReadTheAnswer() throws Exception {
            policy("/admin/apis/aoai", CORS);

            GatewayFixture.Response answer = gateway.send("POST", CHAT_PATH, CHAT, Map.of("api-key", key,
                    "Origin", "https://app.example"));

            assertEquals(200, answer.status(), answer.body());
            assertEquals("https://app.example", answer.header("Access-Control-Allow-Origin"));
            assertEquals("x-tokens-consumed", answer.header("Access-Control-Expose-Headers"));
        }

        @Test
        void withoutACorsPolicyAPreflightIsAMethodTheOperationDoesNotTake() throws Exception {
            GatewayFixture.Response answer = preflight("https://app.example");

            assertEquals(405, answer.status(), answer.body());
            assertEquals("POST", answer.header("Allow"));
        }

        @Test
        void anyOriginWithCredentialsIsRefusedWhenWritten() throws Exception {
            GatewayFixture.Response refused = gateway.admin("PUT", "/admin/apis/aoai/policies/policy",
                    JSON.writeValueAsString(Map.of("format", "xml", "value", "<policies><inbound>"
                            + "<cors allow-credentials=\"true\"><allowed-origins><origin>*</origin></allowed-origins>"
                            + "</cors></inbound></policies>")));

            assertEquals(422, refused.status(), refused.body());
            assertTrue(refused.json().path("detail").asText().contains("cannot go with the origin *"),
                    refused.body());
        }
    }
}
