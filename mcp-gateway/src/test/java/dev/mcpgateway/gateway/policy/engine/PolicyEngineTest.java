package dev.mcpgateway.gateway.policy.engine;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.ANY_SCOPE;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.documents;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.refused;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.serving;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.flow.ChooseFactory;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.gateway.resource.ResourceRuntime;
import dev.mcpgateway.gateway.resource.ResourceSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    private static final String MIXED = inbound("""
            <set-variable name="first" value="x" />
            <llm-emit-token-metric namespace="tokens" />
            <set-variable name="last" value="x" />""");

    private static String inboundTrace(EffectivePolicy effective, Surface surface) {
        PolicyCall call = MapContext.on(surface).call();
        effective.run(Section.INBOUND, call);
        return TracingFactory.trace(call);
    }

    @Nested
    class WhenAPolicyAppliesToOneSurface {

        @Test
        void itIsLeftOutOfTheOtherSurfacesChain() throws Exception {
            EffectivePolicy mcp = global(Surface.MCP, MIXED, TracingFactory.everywhere(), TracingFactory.llmOnly());
            assertEquals(List.of("set-variable", "set-variable"),
                    mcp.sections().get(Section.INBOUND).stream().map(Step::element).toList());
            assertEquals("global:first global:last", inboundTrace(mcp, Surface.MCP));
        }

        @Test
        void itRunsOnItsOwnSurface() throws Exception {
            EffectivePolicy llm = global(Surface.LLM, MIXED, TracingFactory.everywhere(), TracingFactory.llmOnly());
            assertEquals("global:first global:llm-emit-token-metric global:last", inboundTrace(llm, Surface.LLM));
        }

        @Test
        void nestedInAChooseItDoesNothingOnTheOtherSurface() throws Exception {
            String document = inbound("""
                    <choose>
                        <when condition="true">
                            <llm-emit-token-metric namespace="tokens" />
                            <set-variable name="chosen" value="x" />
                        </when>
                    </choose>""");
            PolicyFactory[] factories = {TracingFactory.everywhere(), TracingFactory.llmOnly(), new ChooseFactory()};
            assertEquals("global:chosen", inboundTrace(global(Surface.MCP, document, factories), Surface.MCP));
            assertEquals("global:llm-emit-token-metric global:chosen",
                    inboundTrace(global(Surface.LLM, document, factories), Surface.LLM));
        }

        @Test
        void aSurfaceLeftWithNoStepsHasNoPolicy() throws Exception {
            assertSame(EffectivePolicy.NONE, global(Surface.MCP, inbound("<llm-emit-token-metric />"),
                    TracingFactory.llmOnly()));
        }
    }

    @Nested
    class WhenAPolicyDecides {

        @Test
        void aRefusalStopsTheChain() throws Exception {
            EffectivePolicy effective = global(Surface.MCP, inbound("""
                    <set-variable name="before" value="x" />
                    <set-variable name="guard" value="refuse" />
                    <set-variable name="after" value="x" />"""), TracingFactory.everywhere());
            PolicyCall call = MapContext.on(Surface.MCP).call();
            Decision decision = effective.run(Section.INBOUND, call);
            assertEquals("refused", assertInstanceOf(Decision.Refuse.class, decision).refusal().code());
            assertEquals("global:before global:guard", TracingFactory.trace(call));
        }

        @Test
        void aResponseStopsTheChain() throws Exception {
            EffectivePolicy effective = global(Surface.LLM, inbound("""
                    <set-variable name="answer" value="respond" />
                    <set-variable name="after" value="x" />"""), TracingFactory.everywhere());
            PolicyCall call = MapContext.on(Surface.LLM).call();
            Decision decision = effective.run(Section.INBOUND, call);
            assertEquals(204, assertInstanceOf(Decision.Respond.class, decision).response().status());
            assertEquals("global:answer", TracingFactory.trace(call));
        }

        @Test
        void aChainThatRunsThroughContinues() throws Exception {
            EffectivePolicy effective = global(Surface.MCP, MIXED, TracingFactory.everywhere(),
                    TracingFactory.llmOnly());
            assertSame(Decision.CONTINUE, effective.run(Section.INBOUND, MapContext.on(Surface.MCP).call()));
            assertSame(Decision.CONTINUE, effective.run(Section.OUTBOUND, MapContext.on(Surface.MCP).call()));
        }
    }

    @Nested
    class WhenAStepMayWaitOnTheNetwork {

        @Test
        void theEffectivePolicySaysSo() throws Exception {
            String document = inbound("<set-variable name=\"a\" value=\"x\" /><rate-limit calls=\"1\""
                    + " renewal-period=\"60\" />");
            assertTrue(global(Surface.MCP, document, TracingFactory.everywhere(), TracingFactory.blocking())
                    .mayBlock());
            assertFalse(global(Surface.MCP, inbound("<set-variable name=\"a\" value=\"x\" />"),
                    TracingFactory.everywhere()).mayBlock());
        }
    }

    @Nested
    class WhenTheConfigurationChanges {

        private final PolicyEngine engine = new PolicyEngine(List.of(TracingFactory.everywhere()));

        @Test
        void theEffectivePolicyIsComposedOncePerConfigurationAndScope() throws Exception {
            engine.prepare(documents(Map.of("global", inbound("<set-variable name=\"a\" value=\"x\" />"))))
                    .publish();
            EffectivePolicy first = engine.effective(Surface.MCP, ANY_SCOPE);
            assertSame(first, engine.effective(Surface.MCP, new PolicyScope(null, "api", "operation")));
            assertNotSame(first, engine.effective(Surface.LLM, ANY_SCOPE));
        }

        @Test
        void aPreparedChangeIsServedOnlyOncePublished() throws Exception {
            engine.prepare(documents(Map.of("global", inbound("<set-variable name=\"old\" value=\"x\" />"))))
                    .publish();
            EffectivePolicy old = engine.effective(Surface.MCP, ANY_SCOPE);
            ResourceSet next = documents(Map.of("global", inbound("<set-variable name=\"new\" value=\"x\" />")));
            ResourceRuntime.Publication publication = engine.prepare(next);
            assertSame(old, engine.effective(Surface.MCP, ANY_SCOPE));
            publication.publish();
            EffectivePolicy current = engine.effective(Surface.MCP, ANY_SCOPE);
            assertNotSame(old, current);
            assertEquals("global:new", inboundTrace(current, Surface.MCP));
        }

        @Test
        void removingEveryDocumentLeavesNoPolicy() throws Exception {
            engine.prepare(documents(Map.of("global", inbound("<set-variable name=\"a\" value=\"x\" />"))))
                    .publish();
            engine.prepare(ResourceSet.empty()).publish();
            assertSame(EffectivePolicy.NONE, engine.effective(Surface.MCP, ANY_SCOPE));
        }

        @Test
        void aRefusedChangeLeavesTheServedPolicyAsItWas() throws Exception {
            engine.prepare(documents(Map.of("global", inbound("<set-variable name=\"a\" value=\"x\" />"))))
                    .publish();
            EffectivePolicy served = engine.effective(Surface.MCP, ANY_SCOPE);
            assertRefusedAt("policies.apis/a.value", () -> engine.prepare(documents(Map.of(
                    "global", inbound("<set-variable name=\"b\" value=\"x\" />"),
                    "apis/a", inbound("<mock-response />")))));
            assertSame(served, engine.effective(Surface.MCP, ANY_SCOPE));
        }
    }

    @Nested
    class WhenADocumentCannotBeApplied {

        @Test
        void anElementWithoutAFactoryIsRefusedNamingScopeElementAndLine() {
            String message = refused(inbound("<set-variable name=\"a\" value=\"x\" />\n<ip-filter action=\"allow\">"
                    + "<address>10.0.0.1</address></ip-filter>"), TracingFactory.everywhere());
            assertEquals("<ip-filter> at line 4: is not applied by this gateway", message);
        }

        @Test
        void aNestedElementWithoutAFactoryIsRefusedToo() {
            String message = refused(inbound("<choose>\n<when condition=\"true\">\n<mock-response />\n</when>\n"
                    + "</choose>"), new ChooseFactory());
            assertEquals("<mock-response> at line 5: is not applied by this gateway", message);
        }

        @Test
        void aRefusalFromAFactoryNamesTheScope() {
            PolicyEngine engine = new PolicyEngine(List.of(new ChooseFactory()));
            var refused = assertRefusedAt("policies.apis/a/operations/o.value", () -> engine.prepare(documents(
                    Map.of("apis/a/operations/o", inbound("<choose />")))));
            assertEquals("<choose> at line 3: needs at least one <when>", refused.getMessage());
        }

        @Test
        void twoFactoriesForOneElementAreAProgrammingError() {
            assertThrows(IllegalStateException.class, () -> new PolicyEngine(List.of(TracingFactory.everywhere(),
                    TracingFactory.everywhere())));
        }
    }
}
