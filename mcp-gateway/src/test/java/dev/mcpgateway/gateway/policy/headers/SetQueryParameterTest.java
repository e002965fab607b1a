package dev.mcpgateway.gateway.policy.headers;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.in;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.flow.SetVariableFactory;
import dev.mcpgateway.gateway.policy.xml.Section;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SetQueryParameterTest {

    private static PolicyCall run(Section section, String statements, MapContext facts) throws Exception {
        PolicyCall call = facts.call();
        global(Surface.MCP, in(section.xmlName(), statements), new SetQueryParameterFactory(),
                new SetVariableFactory()).run(section, call);
        return call;
    }

    @Nested
    class WhenTheBackendRequestIsPrepared {

        @Test
        void overrideSetsTheParameterAndLaterExpressionsReadIt() throws Exception {
            PolicyCall call = run(Section.INBOUND, """
                    <set-query-parameter name="api-version" exists-action="override">
                        <value>2024-10-21</value>
                    </set-query-parameter>
                    <set-variable name="seen"\
                     value="@(context.Request.Url.Query.GetValueOrDefault("api-version"))" />""",
                    MapContext.on(Surface.MCP).query("api-version", "2023-05-15"));
            assertEquals(Map.of("api-version", List.of("2024-10-21")), call.requestQueryParameters());
            assertEquals("2024-10-21", call.variable("seen"));
        }

        @Test
        void skipKeepsTheCallersParameter() throws Exception {
            PolicyCall call = run(Section.INBOUND, "<set-query-parameter name=\"page\" exists-action=\"skip\">"
                    + "<value>1</value></set-query-parameter>", MapContext.on(Surface.MCP).query("page", "7"));
            assertEquals(Map.of(), call.requestQueryParameters());
            assertEquals("7", call.queryParameter("page"));
        }

        @Test
        void appendAddsAValue() throws Exception {
            PolicyCall call = run(Section.BACKEND, "<set-query-parameter name=\"tag\" exists-action=\"append\">"
                    + "<value>b</value></set-query-parameter>", MapContext.on(Surface.MCP).query("tag", "a"));
            assertEquals(Map.of("tag", List.of("a", "b")), call.requestQueryParameters());
        }

        @Test
        void deleteRemovesIt() throws Exception {
            PolicyCall call = run(Section.INBOUND, "<set-query-parameter name=\"debug\" exists-action=\"delete\" />",
                    MapContext.on(Surface.MCP).query("debug", "true"));
            assertNull(call.queryParameter("debug"));
        }

        @Test
        void namesAreCaseSensitiveUnlikeHeaders() throws Exception {
            PolicyCall call = run(Section.INBOUND, "<set-query-parameter name=\"Page\" exists-action=\"skip\">"
                    + "<value>1</value></set-query-parameter>", MapContext.on(Surface.MCP).query("page", "7"));
            assertEquals(Map.of("Page", List.of("1")), call.requestQueryParameters());
        }
    }

    @Nested
    class WhenTheDocumentIsLoaded {

        @Test
        void anEmptyNameIsRefused() {
            assertEquals("<set-query-parameter> at line 3: the attribute 'name': it is empty", refused(inbound(
                    "<set-query-parameter name=\"\"><value>1</value></set-query-parameter>"),
                    new SetQueryParameterFactory()));
        }

        @Test
        void itIsNotAllowedOnTheResponse() {
            assertEquals("<set-query-parameter> at line 3: is not allowed in <outbound> (allowed in inbound,"
                    + " backend)", refused(in("outbound", "<set-query-parameter name=\"a\"><value>1</value>"
                    + "</set-query-parameter>"), new SetQueryParameterFactory()));
        }
    }
}
