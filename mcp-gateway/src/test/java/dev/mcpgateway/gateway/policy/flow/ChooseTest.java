package dev.mcpgateway.gateway.policy.flow;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import dev.mcpgateway.gateway.policy.xml.Section;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChooseTest {

    private static final String BY_TIER = inbound("""
            <choose>
                <when condition="@(context.Request.Headers.GetValueOrDefault("tier","") == "gold")">
                    <set-variable name="limit" value="gold" />
                </when>
                <when condition="@(context.Request.Headers.GetValueOrDefault("tier","").StartsWith("g"))">
                    <set-variable name="limit" value="g-something" />
                </when>
                <otherwise>
                    <set-variable name="limit" value="basic" />
                </otherwise>
            </choose>
            <set-variable name="after" value="ran" />""");

    private static PolicyCall run(String document, MapContext facts) throws Exception {
        PolicyCall call = facts.call();
        global(Surface.MCP, document, new ChooseFactory(), new SetVariableFactory(), new ReturnResponseFactory())
                .run(Section.INBOUND, call);
        return call;
    }

    @Nested
    class WhenAConditionHolds {

        @Test
        void onlyTheFirstWhenThatHoldsRuns() throws Exception {
            PolicyCall call = run(BY_TIER, MapContext.on(Surface.MCP).header("tier", "gold"));
            assertEquals("gold", call.variable("limit"));
            assertEquals("ran", call.variable("after"));
        }

        @Test
        void aLaterWhenRunsWhenTheEarlierOnesDoNotHold() throws Exception {
            assertEquals("g-something", run(BY_TIER, MapContext.on(Surface.MCP).header("tier", "green"))
                    .variable("limit"));
        }

        @Test
        void aDecisionInTheBranchStopsTheWholeChain() throws Exception {
            String document = inbound("""
                    <choose>
                        <when condition="true">
                            <return-response><set-status code="403" /></return-response>
                            <set-variable name="inBranch" value="ran" />
                        </when>
                    </choose>
                    <set-variable name="after" value="ran" />""");
            PolicyCall call = MapContext.on(Surface.MCP).call();
            Decision decision = global(Surface.MCP, document, new ChooseFactory(), new SetVariableFactory(),
                    new ReturnResponseFactory()).run(Section.INBOUND, call);
            assertEquals(403, assertInstanceOf(Decision.Respond.class, decision).response().status());
            assertNull(call.variable("inBranch"));
            assertNull(call.variable("after"));
        }
    }

    @Nested
    class WhenNoConditionHolds {

        @Test
        void otherwiseRuns() throws Exception {
            assertEquals("basic", run(BY_TIER, MapContext.on(Surface.MCP)).variable("limit"));
        }

        @Test
        void withoutOtherwiseNothingRuns() throws Exception {
            PolicyCall call = run(inbound("""
                    <choose><when condition="false"><set-variable name="x" value="1" /></when></choose>
                    <set-variable name="after" value="ran" />"""), MapContext.on(Surface.MCP));
            assertNull(call.variable("x"));
            assertEquals("ran", call.variable("after"));
        }
    }

    @Nested
    class WhenANestedPolicyMayWaitOnTheNetwork {

        /** Stands in for a policy that counts in Redis. */
        private final PolicyFactory waiting = new PolicyFactory() {
            @Override
            public Set<String> elements() {
                return Set.of("rate-limit");
            }

            @Override
            public Policy compile(PolicyElement element, PolicyCompiler compiler) {
                return new Policy() {
                    @Override
                    public Decision apply(PolicyCall call) {
                        return Decision.CONTINUE;
                    }

                    @Override
                    public boolean mayBlock() {
                        return true;
                    }
                };
            }
        };

        @Test
        void theChooseMayToo() throws Exception {
            String waits = inbound("<choose><when condition=\"true\" /><otherwise><rate-limit calls=\"1\""
                    + " renewal-period=\"1\" /></otherwise></choose>");
            assertTrue(global(Surface.MCP, waits, new ChooseFactory(), waiting).mayBlock());
            assertFalse(global(Surface.MCP, inbound("<choose><when condition=\"true\" /></choose>"),
                    new ChooseFactory()).mayBlock());
        }
    }

    @Nested
    class WhenTheDocumentIsLoaded {

        @Test
        void aChooseWithoutWhenIsRefused() {
            assertEquals("<choose> at line 3: needs at least one <when>", refused(inbound(
                    "<choose><otherwise /></choose>"), new ChooseFactory()));
        }

        @Test
        void aWhenAfterOtherwiseIsRefused() {
            assertEquals("<when> at line 5: comes after <otherwise>, which must be the last element of <choose>",
                    refused(inbound("<choose>\n<otherwise />\n<when condition=\"true\" />\n</choose>"),
                            new ChooseFactory()));
        }

        @Test
        void aConditionThatIsNeitherTrueNorFalseIsRefused() {
            assertEquals("<when> at line 3: the attribute 'condition' must be true, false or an expression",
                    refused(inbound("<choose><when condition=\"yes\" /></choose>"), new ChooseFactory()));
        }

        @Test
        void aConditionThatIsNoBoolIsRefused() {
            assertEquals("<when> at line 3: the expression in the attribute 'condition' gives int; it needs bool or"
                    + " object", refused(inbound("<choose><when condition=\"@(context.Response.StatusCode)\" />"
                    + "</choose>"), new ChooseFactory()));
        }

        @Test
        void aNestedPolicyIsCompiledAndRefusedWithItsOwnLine() {
            assertEquals("<set-variable> at line 5: the attribute 'name' is empty", refused(inbound("""
                    <choose>
                        <when condition="true">
                            <set-variable name="" value="x" />
                        </when>
                    </choose>"""), new ChooseFactory(), new SetVariableFactory()));
        }
    }
}
