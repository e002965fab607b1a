package dev.mcpgateway.gateway.policy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.testsupport.EchoHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy documents at the global, API and tool scopes of an MCP server, applied to tool calls made over the stateless
 * revision: what reaches the backend, what the model gets when a policy answers or refuses, and the effective policy
 * {@code /admin} shows.
 */
class ToolCallPoliciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V = "2026-07-28";
    private static final String SPEC = """
            {"openapi": "3.0.3", "info": {"title": "Items", "version": "1"},
             "paths": {"/items/{id}": {"get": {"operationId": "getItem",
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
               "responses": {"200": {"description": "ok",
                 "content": {"application/json": {"schema": {"type": "object"}}}}}}}}}
            """;

    private static EchoHttpServer backend;
    private static EchoHttpServer otherBackend;
    private static GatewayFixture gateway;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        backend = EchoHttpServer.start();
        otherBackend = EchoHttpServer.start();
        for (EchoHttpServer echo : List.of(backend, otherBackend)) {
            echo.respond("/items/7", 200, Map.of("Content-Type", "application/json"),
                    ("{\"id\": 7, \"from\": \"" + (echo == backend ? "own" : "other") + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
        }
        gateway = GatewayFixture.start(dir, Map.of());
        assertEquals(201, gateway.admin("PUT", "/admin/apis/items", "{\"openapi\": " + JSON.writeValueAsString(SPEC)
                + ", \"serviceUrl\": \"" + backend.baseUri() + "\"}").status());
        assertEquals(201, gateway.admin("PUT", "/admin/mcp-servers/items", "{\"apiId\": \"items\"}").status());
        assertEquals(201, gateway.admin("PUT", "/admin/backends/other", "{\"properties\": {\"url\": \""
                + otherBackend.baseUri() + "\", \"protocol\": \"http\"}}").status());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        backend.close();
        otherBackend.close();
    }

    @BeforeEach
    void noDocuments() throws Exception {
        for (String scope : List.of("/admin/policies/policy", "/admin/apis/items/policies/policy",
                "/admin/apis/items/operations/getItem/policies/policy")) {
            gateway.admin("DELETE", scope, null);
        }
    }

    private static void policy(String scope, String document) throws Exception {
        GatewayFixture.Response put = gateway.admin("PUT", scope + "/policies/policy",
                JSON.writeValueAsString(Map.of("format", "rawxml", "value", document)));
        assertTrue(put.status() == 201 || put.status() == 200, put.body());
    }

    private static JsonNode callGetItem(Map<String, String> extraHeaders) throws Exception {
        String body = """
                {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"getItem","arguments":{"id":7},
                 "_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",
                          "io.modelcontextprotocol/clientCapabilities":{}}}}""";
        Map<String, String> headers = new java.util.HashMap<>(Map.of("MCP-Protocol-Version", V,
                "Mcp-Method", "tools/call", "Mcp-Name", "getItem", "Accept", "application/json, text/event-stream",
                "Content-Type", "application/json"));
        headers.putAll(extraHeaders);
        GatewayFixture.Response response = gateway.send("POST", "/mcp/items", body, headers);
        assertEquals(200, response.status(), response.body());
        return response.json().path("result");
    }

    @Nested
    class OnTheWayToTheBackend {

        @Test
        void headersAndQueryParametersSetByPoliciesAtEveryScopeReachTheBackend() throws Exception {
            policy("/admin", """
                    <policies><inbound>
                        <set-header name="x-scope" exists-action="append"><value>global</value></set-header>
                    </inbound></policies>""");
            policy("/admin/apis/items/operations/getItem", """
                    <policies><inbound>
                        <base />
                        <set-variable name="team" value="@(context.Request.Headers.GetValueOrDefault("x-team", "none"))" />
                        <set-header name="x-scope" exists-action="append"><value>tool</value></set-header>
                        <set-header name="x-team" exists-action="override"><value>@((string)context.Variables["team"])</value></set-header>
                        <set-query-parameter name="tool" exists-action="override"><value>@(context.Mcp.ToolName)</value></set-query-parameter>
                    </inbound></policies>""");

            JsonNode result = callGetItem(Map.of("x-team", "blue"));

            assertFalse(result.path("isError").asBoolean(), result.toString());
            EchoHttpServer.Received received = backend.last();
            assertEquals(List.of("global", "tool"), received.header("x-scope"));
            assertEquals(List.of("blue"), received.header("x-team"));
            assertEquals("tool=getItem", received.rawQuery());
        }

        @Test
        void setBackendServiceSendsTheToolCallToTheNamedBackend() throws Exception {
            policy("/admin/apis/items", """
                    <policies><inbound><base /><set-backend-service backend-id="other" /></inbound></policies>""");

            JsonNode result = callGetItem(Map.of());

            assertEquals("other", result.path("structuredContent").path("from").asText(), result.toString());
        }
    }

    @Nested
    class WhenAPolicyAnswersOrRefuses {

        @Test
        void aCheckHeaderRefusalIsAnIsErrorResultTheModelCanRead() throws Exception {
            int before = backend.received().size();
            policy("/admin/apis/items", """
                    <policies><inbound>
                        <check-header name="x-team" failed-check-httpcode="403"
                                      failed-check-error-message="Only the blue team may call this tool." ignore-case="true">
                            <value>blue</value>
                        </check-header>
                    </inbound></policies>""");

            JsonNode result = callGetItem(Map.of("x-team", "red"));

            assertTrue(result.path("isError").asBoolean(), result.toString());
            assertEquals("Only the blue team may call this tool.", result.at("/content/0/text").asText());
            assertEquals(403, result.at("/_meta/dev.mcpgateway~1refusal/status").asInt(), result.toString());
            assertEquals(before, backend.received().size(), "the backend was not called");
        }

        @Test
        void aReturnResponseIsTheToolsResult() throws Exception {
            policy("/admin/apis/items/operations/getItem", """
                    <policies><inbound>
                        <return-response>
                            <set-status code="503" reason="Maintenance" />
                            <set-body>The items service is down for maintenance until 10:00 UTC.</set-body>
                        </return-response>
                    </inbound></policies>""");

            JsonNode result = callGetItem(Map.of());

            assertTrue(result.path("isError").asBoolean(), result.toString());
            assertEquals("The items service is down for maintenance until 10:00 UTC.",
                    result.at("/content/0/text").asText());
        }
    }

    @Nested
    class APolicyOfModelCallsOnAnMcpServer {

        @Test
        void isRefusedRatherThanKeptToNeverRun() throws Exception {
            GatewayFixture.Response refused = gateway.admin("PUT", "/admin/apis/items/policies/policy",
                    JSON.writeValueAsString(Map.of("format", "xml", "value", "<policies>\n<inbound>\n"
                            + "<llm-token-limit counter-key=\"x\" tokens-per-minute=\"100\" />\n</inbound>\n"
                            + "</policies>")));

            assertEquals(422, refused.status(), refused.body());
            assertEquals("policies.apis/items.value: <llm-token-limit> at line 3: applies to model calls, and"
                    + " 'items' is an MCP server", refused.json().path("detail").asText());
        }
    }

    @Nested
    class NamedValuesInADocument {

        @Test
        void areReplacedByTheirValuesAndAMissingOneRefusesTheDocument() throws Exception {
            assertEquals(201, gateway.admin("PUT", "/admin/named-values/allowed-team",
                    "{\"properties\": {\"displayName\": \"allowed-team\", \"value\": \"blue\"}}").status());
            policy("/admin/apis/items", """
                    <policies><inbound>
                        <check-header name="x-team" failed-check-httpcode="403" failed-check-error-message="No." ignore-case="true">
                            <value>{{allowed-team}}</value>
                        </check-header>
                    </inbound></policies>""");

            assertFalse(callGetItem(Map.of("x-team", "blue")).path("isError").asBoolean());
            assertTrue(callGetItem(Map.of("x-team", "red")).path("isError").asBoolean());

            GatewayFixture.Response refused = gateway.admin("PUT", "/admin/apis/items/operations/getItem/policies/policy",
                    JSON.writeValueAsString(Map.of("format", "xml", "value",
                            "<policies><inbound><set-header name=\"x\"><value>{{nowhere}}</value></set-header>"
                                    + "</inbound></policies>")));
            assertEquals(422, refused.status(), refused.body());
            assertEquals("policies.apis/items/operations/getItem.value: named value 'nowhere' does not exist",
                    refused.json().path("detail").asText());
        }
    }

    @Nested
    class OnTheWholeEndpoint {

        private GatewayFixture.Response listTools() throws Exception {
            String body = """
                    {"jsonrpc":"2.0","id":2,"method":"tools/list","params":{
                     "_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",
                              "io.modelcontextprotocol/clientCapabilities":{}}}}""";
            return gateway.send("POST", "/mcp/items", body, Map.of("MCP-Protocol-Version", V, "Mcp-Method",
                    "tools/list", "Accept", "application/json, text/event-stream", "Content-Type", "application/json"));
        }

        @Test
        void anIpFilterOnTheServerRefusesListingToolsWithTheHttpStatus() throws Exception {
            policy("/admin/apis/items", """
                    <policies><inbound>
                        <ip-filter action="forbid"><address>127.0.0.1</address></ip-filter>
                    </inbound></policies>""");

            GatewayFixture.Response refused = listTools();

            assertEquals(403, refused.status(), refused.body());
            assertEquals(-32000, refused.json().path("error").path("code").asInt(), refused.body());
            assertEquals("ip_forbidden", refused.json().at("/error/data/code").asText(), refused.body());
            GatewayFixture.Response stream = gateway.send("GET", "/mcp/items", null, Map.of("Accept",
                    "text/event-stream", "MCP-Protocol-Version", "2025-11-25", "Mcp-Session-Id", "any"));
            assertEquals(403, stream.status(), "the GET stream passes the same policies: " + stream.body());
            assertTrue(callGetItem(Map.of()).path("isError").asBoolean(), "and so does a tool call");
        }

        @Test
        void aRateLimitOnTheServerCountsToolCallsNotOtherMessages() throws Exception {
            policy("/admin/apis/items", """
                    <policies><inbound>
                        <rate-limit-by-key calls="1" renewal-period="60" counter-key="endpoint-test" />
                    </inbound></policies>""");

            assertEquals(200, listTools().status());
            assertEquals(200, listTools().status());
            assertFalse(callGetItem(Map.of()).path("isError").asBoolean(), "the first tool call");
            JsonNode second = callGetItem(Map.of());
            assertTrue(second.path("isError").asBoolean(), second.toString());
            assertEquals(200, listTools().status(), "listing stays allowed while calls are limited");
        }

        @Test
        void aLimitNestedInAChooseCountsToolCallsOnlyToo() throws Exception {
            policy("/admin/apis/items", """
                    <policies><inbound>
                        <choose><when condition="@(true)">
                            <rate-limit-by-key calls="1" renewal-period="60" counter-key="nested-endpoint-test" />
                        </when></choose>
                    </inbound></policies>""");

            assertEquals(200, listTools().status());
            assertEquals(200, listTools().status());
            assertFalse(callGetItem(Map.of()).path("isError").asBoolean(), "the first tool call");
            assertTrue(callGetItem(Map.of()).path("isError").asBoolean(), "the second tool call");
        }
    }

    @Nested
    class TheEffectivePolicy {

        @Test
        void namesEachStepWithTheScopeAndLineItWasWrittenAt() throws Exception {
            policy("/admin", "<policies>\n<inbound>\n<set-variable name=\"a\" value=\"1\" />\n</inbound>\n</policies>");
            policy("/admin/apis/items/operations/getItem", "<policies>\n<inbound>\n<check-header name=\"x\""
                    + " failed-check-httpcode=\"401\" failed-check-error-message=\"no\" ignore-case=\"true\" />\n"
                    + "<base />\n</inbound>\n</policies>");

            GatewayFixture.Response effective = gateway.admin("GET",
                    "/admin/apis/items/operations/getItem/policies/effective", null);

            assertEquals(200, effective.status(), effective.body());
            JsonNode view = effective.json();
            assertEquals("mcp", view.path("surface").asText());
            JsonNode inbound = view.at("/sections/inbound");
            assertEquals("check-header", inbound.get(0).path("policy").asText(), view.toString());
            assertEquals("apis/items/operations/getItem", inbound.get(0).path("scope").asText());
            assertEquals(3, inbound.get(0).path("line").asInt());
            assertEquals("set-variable", inbound.get(1).path("policy").asText());
            assertEquals("global", inbound.get(1).path("scope").asText());
        }

        @Test
        void anUnknownToolIsAProblem() throws Exception {
            GatewayFixture.Response missing = gateway.admin("GET",
                    "/admin/apis/items/operations/noSuchTool/policies/effective", null);

            assertEquals(404, missing.status(), missing.body());
            assertTrue(missing.isProblem(), missing.body());
        }
    }
}
