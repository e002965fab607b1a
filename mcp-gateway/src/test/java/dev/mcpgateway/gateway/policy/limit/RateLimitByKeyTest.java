package dev.mcpgateway.gateway.policy.limit;

import static dev.mcpgateway.gateway.policy.limit.LimitPolicies.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.policy.engine.CallOutcome;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.testsupport.ManualClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RateLimitByKeyTest {

    private final ManualClock clock = new ManualClock("2026-03-10T10:00:05Z");
    private final LimitPolicies policies = new LimitPolicies(new InMemoryCallCounters(clock));
    private final MapContext alice = new MapContext().header("x-user", "alice");
    private final MapContext bob = new MapContext().header("x-user", "bob");

    private static final String BY_USER = "counter-key='@(context.Request.Headers.GetValueOrDefault(\"x-user\",\"\"))'";

    @Nested
    class WhenTheCallsOfAWindowAreSpent {

        @Test
        void refusesWith429UntilTheWindowAlignedToThePeriodRenews() throws Exception {
            policies.inbound("apis/a", "<rate-limit-by-key calls=\"3\" renewal-period=\"60\" " + BY_USER + " />");
            for (int i = 0; i < 3; i++) {
                assertTrue(policies.passes("a", alice));
            }

            Refusal refused = refusal(policies.inboundOf("a", alice));

            assertEquals(new Refusal(429, "rate_limit_exceeded", "Rate limit is exceeded. Try again in 55 seconds.",
                    55L, Map.of()), refused);
        }

        @Test
        void countsEachKeyValueApart() throws Exception {
            policies.inbound("apis/a", "<rate-limit-by-key calls=\"1\" renewal-period=\"60\" " + BY_USER + " />");
            assertTrue(policies.passes("a", alice));

            assertFalse(policies.passes("a", alice));
            assertTrue(policies.passes("a", bob));
        }

        @Test
        void admitsAgainOnceTheWindowRenews() throws Exception {
            policies.inbound("apis/a", "<rate-limit-by-key calls=\"2\" renewal-period=\"10\" " + BY_USER + " />");
            assertTrue(policies.passes("a", alice));
            assertTrue(policies.passes("a", alice));
            clock.set("2026-03-10T10:00:09.999Z");
            assertEquals(1L, refusal(policies.inboundOf("a", alice)).retryAfterSeconds());

            clock.set("2026-03-10T10:00:10Z");

            assertTrue(policies.passes("a", alice));
            assertTrue(policies.passes("a", alice));
            assertFalse(policies.passes("a", alice));
        }

        @Test
        void oneCounterServesAKeyValueAtEveryScope() throws Exception {
            String limit = "<rate-limit-by-key calls=\"2\" renewal-period=\"60\" " + BY_USER + " />";
            policies.inbound("apis/a", limit).inbound("apis/b", limit);
            assertTrue(policies.passes("a", alice));
            assertTrue(policies.passes("b", alice));

            assertFalse(policies.passes("a", alice));
        }
    }

    @Nested
    class WhenTheIncrementIsWritten {

        @Test
        void anIncrementCountChargesThatManyCallsAndRefusesWhatWouldPassTheLimit() throws Exception {
            policies.inbound("apis/a", "<rate-limit-by-key calls=\"5\" renewal-period=\"60\" increment-count=\"2\" "
                    + BY_USER + " remaining-calls-variable-name=\"left\" />");
            PolicyCall first = new PolicyCall(alice);
            policies.passes("a", first, 200);
            assertTrue(policies.passes("a", alice));

            assertFalse(policies.passes("a", alice));
            assertEquals(3L, first.variable("left"));
        }

        @Test
        void aConditionKnownAtLoadCountsOnTheWayInSoCallsInFlightCannotPassTheLimit() throws Exception {
            policies.inbound("apis/a", "<rate-limit-by-key calls=\"2\" renewal-period=\"60\""
                    + " increment-condition=\"true\" " + BY_USER + " />");

            assertEquals(Decision.CONTINUE, policies.inboundOf("a", alice));
            assertEquals(Decision.CONTINUE, policies.inboundOf("a", alice));
            assertFalse(policies.passes("a", alice));
        }

        @Test
        void aFalseConditionCountsNothing() throws Exception {
            policies.inbound("apis/a", "<rate-limit-by-key calls=\"1\" renewal-period=\"60\""
                    + " increment-condition=\"false\" " + BY_USER + " />");

            for (int i = 0; i < 3; i++) {
                assertTrue(policies.passes("a", alice));
            }
        }

        @Test
        void aConditionOnTheResponseCountsOnlyTheCallsItHoldsForOnceTheyComplete() throws Exception {
            policies.inbound("apis/a", "<rate-limit-by-key calls=\"2\" renewal-period=\"60\" "
                    + "increment-condition=\"@(context.Response.StatusCode &lt; 400)\" " + BY_USER + " />");

            assertTrue(policies.passes("a", alice, 500));
            assertTrue(policies.passes("a", alice, 404));
            assertTrue(policies.passes("a", alice, 200));
            assertTrue(policies.passes("a", alice, 201));

            assertFalse(policies.passes("a", alice, 200));
        }

        @Test
        void anExpressionPostponesTheCountToTheEndOfTheCallAsApimDocuments() throws Exception {
            policies.inbound("apis/a", "<rate-limit-by-key calls=\"1\" renewal-period=\"60\" "
                    + "increment-condition='@(context.Request.Headers.GetValueOrDefault(\"x-free\",\"\") != \"yes\")' "
                    + BY_USER + " />");
            PolicyCall first = new PolicyCall(alice);
            PolicyCall inFlight = new PolicyCall(alice);

            assertEquals(Decision.CONTINUE, policies.inboundOf("a", first));
            assertEquals(Decision.CONTINUE, policies.inboundOf("a", inFlight));
            first.complete(new CallOutcome(200, 0, 0, 0));

            assertFalse(policies.passes("a", alice));
        }

        @Test
        void anIncrementCountExpressionIsReadWhenTheCallCompletes() throws Exception {
            policies.inbound("apis/a", "<rate-limit-by-key calls=\"10\" renewal-period=\"60\" "
                    + "increment-count=\"@(context.Response.StatusCode == 200 ? 10 : 1)\" " + BY_USER + " />");

            assertTrue(policies.passes("a", alice, 500));
            assertTrue(policies.passes("a", alice, 200));

            assertFalse(policies.passes("a", alice, 200));
        }
    }

    @Nested
    class WhenHeadersAndVariablesAreNamed {

        private static final String REPORTING = "<rate-limit-by-key calls=\"2\" renewal-period=\"60\" " + BY_USER
                + " retry-after-header-name=\"x-retry\" retry-after-variable-name=\"wait\""
                + " remaining-calls-header-name=\"x-left\" remaining-calls-variable-name=\"left\""
                + " total-calls-header-name=\"x-total\" />";

        @Test
        void anAdmittedCallCarriesTheRemainingAndTotalCalls() throws Exception {
            policies.inbound("apis/a", REPORTING);
            PolicyCall call = new PolicyCall(alice);

            policies.passes("a", call, 200);

            assertEquals(Map.of("x-left", List.of("1"), "x-total", List.of("2")), call.responseHeaders());
            assertEquals(1L, call.variable("left"));
        }

        @Test
        void aRefusalCarriesTheRetryAfterHeaderAndVariable() throws Exception {
            policies.inbound("apis/a", REPORTING);
            policies.passes("a", alice);
            policies.passes("a", alice);
            PolicyCall call = new PolicyCall(alice);

            Refusal refused = refusal(policies.inboundOf("a", call));

            assertEquals(Map.of("x-retry", "55", "x-left", "0", "x-total", "2"), refused.headers());
            assertEquals(55L, call.variable("wait"));
            assertEquals(0L, call.variable("left"));
        }
    }

    @Nested
    class WhenValuesAreExpressions {

        @Test
        void callsAndRenewalPeriodAreReadPerCall() throws Exception {
            policies.inbound("apis/a", "<rate-limit-by-key " + BY_USER
                    + " calls='@(context.Request.Headers.GetValueOrDefault(\"x-plan\",\"1\"))'"
                    + " renewal-period=\"@(30)\" />");
            MapContext premium = new MapContext().header("x-user", "carol").header("x-plan", "3");

            assertTrue(policies.passes("a", premium));
            assertTrue(policies.passes("a", premium));
            assertTrue(policies.passes("a", premium));
            assertEquals(25L, refusal(policies.inboundOf("a", premium)).retryAfterSeconds());
        }

        @Test
        void aValueThatIsNoWholeNumberFailsTheCallWithoutNamingThePolicy() throws Exception {
            policies.inbound("apis/a", "<rate-limit-by-key " + BY_USER
                    + " calls='@(context.Request.Headers.GetValueOrDefault(\"x-plan\",\"many\"))'"
                    + " renewal-period=\"60\" />");

            Refusal refused = refusal(policies.inboundOf("a", alice));

            assertEquals(500, refused.status());
            assertEquals("policy_error", refused.code());
        }
    }

    @Nested
    class WhenALiteralIsInvalid {

        @Test
        void callsThatAreNotAPositiveWholeNumberAreRefusedAtLoadNamingElementAndLine() {
            assertEquals("<rate-limit-by-key> at line 3: the attribute 'calls' must be a positive whole number,"
                    + " not '0'", policies.loadError("<rate-limit-by-key calls=\"0\" renewal-period=\"60\" "
                    + BY_USER + " />"));
            assertTrue(policies.loadError("<rate-limit-by-key calls=\"ten\" renewal-period=\"60\" " + BY_USER
                    + " />").contains("'calls' must be a positive whole number, not 'ten'"));
        }

        @Test
        void aRenewalPeriodBeyondApimsMaximumIsRefused() {
            assertTrue(policies.loadError("<rate-limit-by-key calls=\"5\" renewal-period=\"301\" " + BY_USER
                    + " />").endsWith("'renewal-period' must be a whole number of seconds from 1 to 300, not '301'"));
        }

        @Test
        void anIncrementCountBelowOneIsRefused() {
            assertTrue(policies.loadError("<rate-limit-by-key calls=\"5\" renewal-period=\"60\" increment-count=\"0\" "
                    + BY_USER + " />").contains("'increment-count' must be a positive whole number"));
        }
    }

    @Test
    void inMemoryCountersNeverBlock() throws Exception {
        policies.inbound("apis/a", "<rate-limit-by-key calls=\"5\" renewal-period=\"60\" " + BY_USER + " />");

        assertFalse(policies.policy("a", null).mayBlock());
    }
}
