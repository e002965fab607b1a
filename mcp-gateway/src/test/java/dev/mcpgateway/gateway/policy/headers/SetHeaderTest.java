package dev.mcpgateway.gateway.policy.headers;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.in;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.flow.ChooseFactory;
import dev.mcpgateway.gateway.policy.flow.SetVariableFactory;
import dev.mcpgateway.gateway.policy.xml.Section;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SetHeaderTest {

    private static Decision run(Section section, String statements, PolicyCall call) throws Exception {
        return global(call.surface(), in(section.xmlName(), statements), new SetHeaderFactory(),
                new SetVariableFactory()).run(section, call);
    }

    private static PolicyCall inInbound(String statements, MapContext facts) throws Exception {
        PolicyCall call = facts.call();
        assertSame(Decision.CONTINUE, run(Section.INBOUND, statements, call));
        return call;
    }

    @Nested
    class WhenInTheRequestSections {

        @Test
        void overrideSetsTheBackendRequestHeaderWithEveryValue() throws Exception {
            PolicyCall call = inInbound("""
                    <set-header name="X-Tenant" exists-action="override">
                        <value>contoso</value>
                        <value>@(context.Subscription.Id)</value>
                    </set-header>""", MapContext.on(Surface.MCP).header("x-tenant", "caller's")
                    .with(ContextValue.SUBSCRIPTION_ID, "sub-1"));
            assertEquals(Map.of("X-Tenant", List.of("contoso", "sub-1")), call.requestHeaders());
            assertEquals(Map.of(), call.responseHeaders());
        }

        @Test
        void laterExpressionsReadTheHeaderAsSet() throws Exception {
            PolicyCall call = inInbound("""
                    <set-header name="X-Tenant"><value>contoso</value></set-header>
                    <set-variable name="seen"\
                     value="@(context.Request.Headers.GetValueOrDefault("x-tenant", ""))" />""",
                    MapContext.on(Surface.LLM));
            assertEquals("contoso", call.variable("seen"));
        }

        @Test
        void skipKeepsTheCallersHeader() throws Exception {
            String skip = "<set-header name=\"X-Request-Id\" exists-action=\"skip\"><value>generated</value>"
                    + "</set-header>";
            assertEquals(Map.of(), inInbound(skip, MapContext.on(Surface.MCP).header("X-Request-Id", "r1"))
                    .requestHeaders());
            assertEquals(Map.of("X-Request-Id", List.of("generated")), inInbound(skip, MapContext.on(Surface.MCP))
                    .requestHeaders());
        }

        @Test
        void appendAddsToTheCallersValue() throws Exception {
            PolicyCall call = inInbound("""
                    <set-header name="Via" exists-action="append"><value>gateway</value></set-header>""",
                    MapContext.on(Surface.MCP).header("via", "proxy-a,proxy-b"));
            assertEquals(List.of("proxy-a,proxy-b", "gateway"), call.requestHeaders().get("via"));
            assertEquals("proxy-a,proxy-b,gateway", call.header("VIA"));
        }

        @Test
        void deleteRemovesTheCallersHeader() throws Exception {
            PolicyCall call = inInbound("<set-header name=\"X-Debug\" exists-action=\"delete\" />",
                    MapContext.on(Surface.MCP).header("x-debug", "1"));
            assertEquals(Map.of("X-Debug", List.of()), call.requestHeaders());
            assertNull(call.header("x-debug"));
        }

        @Test
        void anOverrideWhoseValuesAreAllNullRemovesTheHeader() throws Exception {
            PolicyCall call = inInbound("<set-header name=\"X-User\"><value>@(context.User.Email)</value>"
                    + "</set-header>", MapContext.on(Surface.MCP).header("X-User", "forged@example.com"));
            assertNull(call.header("x-user"));
        }

        @Test
        void namesIgnoreCaseAcrossStatements() throws Exception {
            PolicyCall call = inInbound("""
                    <set-header name="X-Trace"><value>a</value></set-header>
                    <set-header name="x-trace" exists-action="append"><value>b</value></set-header>""",
                    MapContext.on(Surface.MCP));
            assertEquals(Map.of("X-Trace", List.of("a", "b")), call.requestHeaders());
        }

        @Test
        void inTheBackendSectionItChangesTheRequestToo() throws Exception {
            PolicyCall call = MapContext.on(Surface.MCP).call();
            run(Section.BACKEND, "<set-header name=\"X-Stage\"><value>backend</value></set-header>", call);
            assertEquals(Map.of("X-Stage", List.of("backend")), call.requestHeaders());
        }
    }

    @Nested
    class WhenInTheResponseSections {

        @Test
        void outboundSetsTheCallersResponseHeader() throws Exception {
            PolicyCall call = MapContext.on(Surface.LLM).header("X-Served-By", "caller").call();
            run(Section.OUTBOUND, "<set-header name=\"X-Served-By\"><value>gateway</value></set-header>", call);
            assertEquals(Map.of("X-Served-By", List.of("gateway")), call.responseHeaders());
            assertEquals(Map.of(), call.requestHeaders());
        }

        @Test
        void skipKeepsTheBackendsHeader() throws Exception {
            PolicyCall call = MapContext.on(Surface.LLM).call();
            call.receivedResponseHeaders(name -> name.equalsIgnoreCase("cache-control") ? "no-store" : null);
            run(Section.OUTBOUND, """
                    <set-header name="Cache-Control" exists-action="skip"><value>max-age=60</value></set-header>
                    <set-header name="X-Region" exists-action="skip"><value>eu</value></set-header>""", call);
            assertEquals(Map.of("X-Region", List.of("eu")), call.responseHeaders());
            assertEquals("no-store", call.responseHeader("cache-control"));
        }

        @Test
        void nestedInAChooseItKeepsToItsSection() throws Exception {
            PolicyCall call = MapContext.on(Surface.MCP).call();
            global(Surface.MCP, in("outbound", "<choose><when condition=\"true\"><set-header name=\"X-Chosen\">"
                    + "<value>1</value></set-header></when></choose>"), new SetHeaderFactory(), new ChooseFactory())
                    .run(Section.OUTBOUND, call);
            assertEquals(Map.of("X-Chosen", List.of("1")), call.responseHeaders());
            assertEquals(Map.of(), call.requestHeaders());
        }

        @Test
        void onErrorSetsTheCallersResponseHeader() throws Exception {
            PolicyCall call = MapContext.on(Surface.MCP).call();
            run(Section.ON_ERROR, "<set-header name=\"X-Error\"><value>1</value></set-header>", call);
            assertEquals(Map.of("X-Error", List.of("1")), call.responseHeaders());
        }
    }

    @Nested
    class WhenAnExpressionGivesWhatCannotBeSent {

        @Test
        void aValueWithALineBreakFailsTheCallAndSetsNothing() throws Exception {
            PolicyCall call = MapContext.on(Surface.MCP).header("x-in", "a\r\nInjected: yes").call();
            Decision decision = run(Section.INBOUND, "<set-header name=\"X-Echo\"><value>"
                    + "@(context.Request.Headers.GetValueOrDefault(\"x-in\", \"\"))</value></set-header>", call);
            assertSame(Refusal.POLICY_FAILED, assertInstanceOf(Decision.Refuse.class, decision).refusal());
            assertEquals(Map.of(), call.requestHeaders());
        }

        @Test
        void aNameThatIsNoHeaderNameFailsTheCall() throws Exception {
            PolicyCall call = MapContext.on(Surface.MCP).header("x-name", "two words").call();
            Decision decision = run(Section.INBOUND, "<set-header name=\"@(context.Request.Headers"
                    + ".GetValueOrDefault(\"x-name\", \"\"))\"><value>1</value></set-header>", call);
            assertSame(Refusal.POLICY_FAILED, assertInstanceOf(Decision.Refuse.class, decision).refusal());
        }

        @Test
        void anExistsActionThatIsNoneOfTheFourFailsTheCall() throws Exception {
            PolicyCall call = MapContext.on(Surface.MCP).header("x-action", "replace").call();
            Decision decision = run(Section.INBOUND, "<set-header name=\"X-A\" exists-action=\"@(context.Request"
                    + ".Headers.GetValueOrDefault(\"x-action\", \"\"))\"><value>1</value>"
                    + "</set-header>", call);
            assertSame(Refusal.POLICY_FAILED, assertInstanceOf(Decision.Refuse.class, decision).refusal());
            PolicyCall appending = MapContext.on(Surface.MCP).header("x-action", "Append").header("x-a", "0").call();
            run(Section.INBOUND, "<set-header name=\"X-A\" exists-action=\"@(context.Request"
                    + ".Headers.GetValueOrDefault(\"x-action\", \"\"))\"><value>1</value>"
                    + "</set-header>", appending);
            assertEquals("0,1", appending.header("x-a"));
        }
    }

    @Nested
    class WhenTheDocumentIsLoaded {

        @Test
        void aNameThatIsNoHeaderNameIsRefused() {
            assertEquals("<set-header> at line 3: the attribute 'name': 'X Tenant' is not a valid header name",
                    refused(inbound("<set-header name=\"X Tenant\"><value>1</value></set-header>"),
                            new SetHeaderFactory()));
        }

        @Test
        void aFramingHeaderIsRefused() {
            assertEquals("<set-header> at line 3: the attribute 'name': 'transfer-encoding' is set by the gateway"
                    + " itself", refused(inbound("<set-header name=\"transfer-encoding\"><value>chunked</value>"
                    + "</set-header>"), new SetHeaderFactory()));
        }

        @Test
        void aValueWithALineBreakIsRefusedWithItsLine() {
            assertEquals("<value> at line 4: holds a control character", refused(inbound(
                    "<set-header name=\"X-A\">\n<value>a&#10;b</value>\n</set-header>"), new SetHeaderFactory()));
        }

        @Test
        void anExistsActionExpressionOfTheWrongTypeIsRefused() {
            assertEquals("<set-header> at line 3: the expression in the attribute 'exists-action' gives bool; it"
                    + " needs string or object", refused(inbound("<set-header name=\"X-A\" exists-action="
                    + "\"@(context.Subscription != null)\" />"), new SetHeaderFactory()));
        }
    }
}
