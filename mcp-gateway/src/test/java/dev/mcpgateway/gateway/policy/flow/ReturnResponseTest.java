package dev.mcpgateway.gateway.policy.flow;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.in;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.PolicyResponse;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.xml.Section;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReturnResponseTest {

    private static Decision run(Surface surface, Section section, String document, MapContext facts)
            throws Exception {
        return global(surface, document, new ReturnResponseFactory(), new SetVariableFactory())
                .run(section, facts.call());
    }

    private static PolicyResponse answer(String statements, MapContext facts) throws Exception {
        Decision decision = run(Surface.MCP, Section.INBOUND, inbound(statements), facts);
        return assertInstanceOf(Decision.Respond.class, decision).response();
    }

    @Nested
    class WhenTheResponseIsReturned {

        @Test
        void withoutChildrenItIs200WithNoBody() throws Exception {
            PolicyResponse response = answer("<return-response />", MapContext.on(Surface.MCP));
            assertEquals(new PolicyResponse(200, null, Map.of(), ""), response);
        }

        @Test
        void itCarriesTheStatusReasonHeadersAndBodyWritten() throws Exception {
            PolicyResponse response = answer("""
                    <return-response>
                        <set-status code="401" reason="Unauthorized" />
                        <set-header name="WWW-Authenticate" exists-action="override">
                            <value>Bearer error="invalid_token"</value>
                        </set-header>
                        <set-body>{"error": "invalid_token"}</set-body>
                    </return-response>""", MapContext.on(Surface.MCP));
            assertEquals(401, response.status());
            assertEquals("Unauthorized", response.reason());
            assertEquals("Bearer error=\"invalid_token\"", response.header("www-authenticate"));
            assertEquals("{\"error\": \"invalid_token\"}", response.body());
        }

        @Test
        void expressionsAreEvaluatedForEachCall() throws Exception {
            String statements = """
                    <set-variable name="code" value="@(context.Request.Headers.GetValueOrDefault("x-code", "429"))" />
                    <return-response>
                        <set-status code="@((string)context.Variables["code"])" />
                        <set-body>@("tool " + context.Mcp.ToolName + " is paused")</set-body>
                    </return-response>""";
            PolicyResponse first = answer(statements, MapContext.on(Surface.MCP)
                    .with(dev.mcpgateway.gateway.policy.expression.ContextValue.MCP_TOOL_NAME, "search"));
            assertEquals(429, first.status());
            assertEquals("tool search is paused", first.body());
            assertEquals(503, answer(statements, MapContext.on(Surface.MCP).header("x-code", "503")).status());
        }

        @Test
        void headersAreBuiltInOrderWithTheirExistsAction() throws Exception {
            PolicyResponse response = answer("""
                    <return-response>
                        <set-header name="X-Trace"><value>a</value></set-header>
                        <set-header name="x-trace" exists-action="append"><value>b</value></set-header>
                        <set-header name="X-TRACE" exists-action="skip"><value>c</value></set-header>
                        <set-header name="X-Gone"><value>1</value></set-header>
                        <set-header name="X-Gone" exists-action="delete" />
                    </return-response>""", MapContext.on(Surface.MCP));
            assertEquals(Map.of("X-Trace", List.of("a", "b")), response.headers());
        }

        @Test
        void itAnswersInEverySectionAndOnEverySurface() throws Exception {
            for (Section section : Section.values()) {
                for (Surface surface : Surface.values()) {
                    Decision decision = run(surface, section, in(section.xmlName(),
                            "<return-response><set-status code=\"202\" /></return-response>"), MapContext.on(surface));
                    assertEquals(202, assertInstanceOf(Decision.Respond.class, decision).response().status());
                }
            }
        }
    }

    @Nested
    class WhenAnExpressionGivesNoUsableValue {

        @Test
        void aStatusOutOfRangeFailsTheCall() throws Exception {
            Decision decision = run(Surface.LLM, Section.INBOUND, inbound("""
                    <return-response><set-status code="@(context.Request.Headers.GetValueOrDefault("x-code", ""))" />\
                    </return-response>"""), MapContext.on(Surface.LLM).header("x-code", "42"));
            assertSame(Refusal.POLICY_FAILED, assertInstanceOf(Decision.Refuse.class, decision).refusal());
        }

        @Test
        void aHeaderValueWithALineBreakFailsTheCall() throws Exception {
            Decision decision = run(Surface.MCP, Section.INBOUND, inbound("""
                    <return-response><set-header name="X-Echo">\
                    <value>@(context.Request.Headers.GetValueOrDefault("x-in", ""))</value></set-header>\
                    </return-response>"""), MapContext.on(Surface.MCP).header("x-in", "a\r\nSet-Cookie: b"));
            assertSame(Refusal.POLICY_FAILED, assertInstanceOf(Decision.Refuse.class, decision).refusal());
        }

        @Test
        void aBodyExpressionGivingNullIsAnEmptyBody() throws Exception {
            PolicyResponse response = answer("<return-response><set-body>@(context.User.Email)</set-body>"
                    + "</return-response>", MapContext.on(Surface.MCP));
            assertEquals("", response.body());
            assertNull(response.reason());
        }
    }

    @Nested
    class WhenTheDocumentIsLoaded {

        @Test
        void aStatusThatIsNoNumberIsRefused() {
            assertEquals("<set-status> at line 4: the attribute 'code' must be a status code from 200 to 599, not"
                    + " 'teapot'", refused(inbound("<return-response>\n<set-status code=\"teapot\" />"
                    + "\n</return-response>"), new ReturnResponseFactory()));
        }

        @Test
        void anInformationalStatusIsRefused() {
            assertEquals("<set-status> at line 3: the attribute 'code' must be a status code from 200 to 599, not"
                    + " '101'", refused(inbound("<return-response><set-status code=\"101\" /></return-response>"),
                    new ReturnResponseFactory()));
        }

        @Test
        void aStatusExpressionOfTheWrongTypeIsRefused() {
            assertEquals("<set-status> at line 3: the expression in the attribute 'code' gives bool; it needs int or"
                    + " string or object", refused(inbound("<return-response><set-status"
                    + " code=\"@(context.Subscription != null)\" /></return-response>"), new ReturnResponseFactory()));
        }

        @Test
        void aSecondSetStatusIsRefused() {
            assertEquals("<set-status> at line 5: appears twice in <return-response>", refused(inbound("""
                    <return-response>
                        <set-status code="200" />
                        <set-status code="201" />
                    </return-response>"""), new ReturnResponseFactory()));
        }

        @Test
        void aHeaderTheGatewaySetsIsRefused() {
            assertEquals("<set-header> at line 3: the attribute 'name': 'Content-Length' is set by the gateway"
                    + " itself", refused(inbound("<return-response><set-header name=\"Content-Length\">"
                    + "<value>1</value></set-header></return-response>"), new ReturnResponseFactory()));
        }
    }
}
