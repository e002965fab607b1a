package dev.mcpgateway.gateway.policy.flow;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.xml.Section;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SetVariableTest {

    private static PolicyCall run(String statements, MapContext facts) throws Exception {
        PolicyCall call = facts.call();
        global(Surface.MCP, inbound(statements), new SetVariableFactory()).run(Section.INBOUND, call);
        return call;
    }

    @Nested
    class WhenTheValueIsSet {

        @Test
        void textIsKeptAsAString() throws Exception {
            assertEquals("42", run("<set-variable name=\"n\" value=\"42\" />", MapContext.on(Surface.MCP))
                    .variable("n"));
        }

        @Test
        void anIntExpressionIsKeptAsALong() throws Exception {
            assertEquals(42L, run("<set-variable name=\"n\" value=\"@(40 + 2)\" />", MapContext.on(Surface.MCP))
                    .variable("n"));
        }

        @Test
        void aBoolExpressionIsKeptAsABoolean() throws Exception {
            PolicyCall call = run("""
                    <set-variable name="isMobile" value="@(context.Request.Headers.GetValueOrDefault("User-Agent","")\
                    .Contains("iPhone"))" />""", MapContext.on(Surface.MCP).header("user-agent", "Safari on iPhone"));
            assertEquals(Boolean.TRUE, call.variable("isMobile"));
        }

        @Test
        void anExpressionGivingNullLeavesTheVariableUnset() throws Exception {
            PolicyCall call = run("""
                    <set-variable name="s" value="@(context.Subscription.Id)" />
                    <set-variable name="known" value="@(context.Variables.ContainsKey("s"))" />""",
                    MapContext.on(Surface.MCP));
            assertNull(call.variable("s"));
            assertFalse((Boolean) call.variable("known"));
        }

        @Test
        void laterPoliciesReadIt() throws Exception {
            PolicyCall call = run("""
                    <set-variable name="tokens" value="@(1000)" />
                    <set-variable name="double" value="@(context.Variables.GetValueOrDefault<int>("tokens", 0)\
                     + context.Variables.GetValueOrDefault<int>("tokens", 0))" />""", MapContext.on(Surface.LLM));
            assertEquals(2000L, call.variable("double"));
        }
    }

    @Nested
    class WhenTheDocumentIsLoaded {

        @Test
        void aDecodedTokenIsRefusedAsAValue() {
            assertEquals("<set-variable> at line 3: the expression in the attribute 'value' gives Jwt; it needs"
                    + " string or int or bool or object or null", refused(inbound("""
                    <set-variable name="t" value="@(context.Request.Headers.GetValueOrDefault("Authorization","")\
                    .AsJwt())" />"""), new SetVariableFactory()));
        }

        @Test
        void aBlankNameIsRefused() {
            assertEquals("<set-variable> at line 3: the attribute 'name' is empty",
                    refused(inbound("<set-variable name=\" \" value=\"x\" />"), new SetVariableFactory()));
        }
    }
}
