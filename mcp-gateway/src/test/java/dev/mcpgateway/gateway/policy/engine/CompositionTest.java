package dev.mcpgateway.gateway.policy.engine;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.in;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.serving;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.xml.Section;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code <base />} composes the documents of global, product, API and operation as APIM does. */
class CompositionTest {

    private static final PolicyScope OPERATION = new PolicyScope("p", "a", "o");

    private static String step(String label) {
        return "<set-variable name=\"" + label + "\" value=\"x\" />";
    }

    private static String inboundTrace(Map<String, String> documents, PolicyScope scope) throws Exception {
        PolicyCall call = MapContext.on(Surface.MCP).call();
        serving(documents, TracingFactory.everywhere()).effective(Surface.MCP, scope).run(Section.INBOUND, call);
        return TracingFactory.trace(call);
    }

    @Nested
    class WhenEveryScopeHasADocument {

        private final Map<String, String> documents = Map.of(
                "global", inbound(step("g1")),
                "products/p", inbound(step("p1") + "<base />" + step("p2")),
                "apis/a", inbound("<base />" + step("a1")),
                "apis/a/operations/o", inbound(step("o1") + "<base />"));

        @Test
        void baseStandsForTheOuterScopesWhereItIsWritten() throws Exception {
            assertEquals("apis/a/operations/o:o1 products/p:p1 global:g1 products/p:p2 apis/a:a1",
                    inboundTrace(documents, OPERATION));
        }

        @Test
        void anAnonymousCallSkipsTheProductScope() throws Exception {
            assertEquals("apis/a/operations/o:o1 global:g1 apis/a:a1",
                    inboundTrace(documents, new PolicyScope(null, "a", "o")));
        }

        @Test
        void aCallOnTheApiWithoutAnOperationStopsAtTheApi() throws Exception {
            assertEquals("products/p:p1 global:g1 products/p:p2 apis/a:a1",
                    inboundTrace(documents, new PolicyScope("p", "a", null)));
        }

        @Test
        void eachStepSaysWhichScopeAndLineItComesFrom() throws Exception {
            List<Step> steps = serving(documents, TracingFactory.everywhere()).effective(Surface.MCP, OPERATION)
                    .sections().get(Section.INBOUND);
            assertEquals(List.of("apis/a/operations/o", "products/p", "global", "products/p", "apis/a"),
                    steps.stream().map(Step::scope).toList());
            assertTrue(steps.stream().allMatch(step -> step.line() == 3 && step.element().equals("set-variable")));
        }
    }

    @Nested
    class WhenASectionHasNoBase {

        @Test
        void theOuterScopesAreDropped() throws Exception {
            assertEquals("apis/a:a1", inboundTrace(Map.of("global", inbound(step("g1")),
                    "apis/a", inbound(step("a1"))), OPERATION));
        }

        @Test
        void anEmptySectionRunsNothing() throws Exception {
            EffectivePolicy effective = serving(Map.of("global", inbound(step("g1")), "apis/a", inbound("")),
                    TracingFactory.everywhere()).effective(Surface.MCP, OPERATION);
            assertTrue(effective.isEmpty(Section.INBOUND));
            assertSame(EffectivePolicy.NONE, effective);
        }

        @Test
        void anInnerBaseStillReachesOnlyWhatTheMiddleKept() throws Exception {
            assertEquals("apis/a:a1 apis/a/operations/o:o1", inboundTrace(Map.of("global", inbound(step("g1")),
                    "apis/a", inbound(step("a1")), "apis/a/operations/o", inbound("<base />" + step("o1"))),
                    OPERATION));
        }
    }

    @Nested
    class WhenADocumentLeavesASectionOut {

        @Test
        void theSectionIsInheritedFromTheOuterScopes() throws Exception {
            assertEquals("global:g1 products/p:p1", inboundTrace(Map.of("global", inbound(step("g1")),
                    "products/p", inbound("<base />" + step("p1")), "apis/a", in("outbound", step("a1"))),
                    OPERATION));
        }

        @Test
        void eachSectionComposesOnItsOwn() throws Exception {
            EffectivePolicy effective = serving(Map.of("global", inbound(step("g1")),
                    "apis/a", in("outbound", step("a1"))), TracingFactory.everywhere())
                    .effective(Surface.MCP, OPERATION);
            PolicyCall call = MapContext.on(Surface.MCP).call();
            effective.run(Section.OUTBOUND, call);
            assertEquals("apis/a:a1", TracingFactory.trace(call));
            assertTrue(effective.isEmpty(Section.BACKEND));
        }
    }
}
