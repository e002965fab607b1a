package dev.mcpgateway.gateway.policy.limit;

import static dev.mcpgateway.gateway.policy.limit.LimitPolicies.refusal;
import static dev.mcpgateway.gateway.policy.limit.LimitPolicies.subscription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.policy.engine.CallOutcome;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.testsupport.ManualClock;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QuotaByKeyTest {

    private static final String BY_SUBSCRIPTION = "counter-key=\"@(context.Subscription.Id)\"";

    private final ManualClock clock = new ManualClock("2026-03-10T10:00:05Z");
    private final LimitPolicies policies = new LimitPolicies(new InMemoryCallCounters(clock));
    private final MapContext caller = subscription("s1");

    private boolean moves(long requestBytes, long responseBytes) {
        return policies.passes("a", null, new PolicyCall(caller), new CallOutcome(200, requestBytes, responseBytes, 0));
    }

    @Nested
    class WhenTheCallVolumeIsSpent {

        @Test
        void refusesWith403UntilTheWindowCountedFromTheFirstPeriodStartRenews() throws Exception {
            policies.inbound("apis/a", "<quota-by-key calls=\"2\" renewal-period=\"300\" " + BY_SUBSCRIPTION + " />");
            assertTrue(policies.passes("a", caller));
            assertTrue(policies.passes("a", caller));

            assertEquals(new Refusal(403, "quota_exceeded", "Out of call volume quota. Quota will be replenished in"
                    + " 00:04:55.", 295L, Map.of()), refusal(policies.inboundOf("a", caller)));
            clock.set("2026-03-10T10:05:00Z");
            assertTrue(policies.passes("a", caller));
        }

        @Test
        void anIncrementCountChargesEachCallThatMany() throws Exception {
            policies.inbound("apis/a", "<quota-by-key calls=\"5\" renewal-period=\"300\" increment-count=\"3\" "
                    + BY_SUBSCRIPTION + " />");
            assertTrue(policies.passes("a", caller));

            assertEquals(403, refusal(policies.inboundOf("a", caller)).status(), "3 + 3 calls exceed 5");
        }

        @Test
        void aWrittenFirstPeriodStartShiftsTheWindows() throws Exception {
            policies.inbound("apis/a", "<quota-by-key calls=\"1\" renewal-period=\"300\" " + BY_SUBSCRIPTION
                    + " first-period-start=\"2026-03-10T09:58:00Z\" />");
            policies.passes("a", caller);

            assertEquals(175L, refusal(policies.inboundOf("a", caller)).retryAfterSeconds());
        }

        @Test
        void aPeriodOfDaysIsShownAsApimShowsATimeSpan() throws Exception {
            policies.inbound("apis/a", "<quota-by-key calls=\"1\" renewal-period=\"172800\" " + BY_SUBSCRIPTION
                    + " />");
            policies.passes("a", caller);

            assertEquals("Out of call volume quota. Quota will be replenished in 1.13:59:55.",
                    refusal(policies.inboundOf("a", caller)).message());
        }

        @Test
        void aQuotaThatNeverRenewsSaysNoTimeToRetry() throws Exception {
            policies.inbound("apis/a", "<quota-by-key calls=\"1\" renewal-period=\"0\" " + BY_SUBSCRIPTION + " />");
            policies.passes("a", caller);
            clock.set("2030-01-01T00:00:00Z");

            Refusal refused = refusal(policies.inboundOf("a", caller));

            assertEquals("Out of call volume quota.", refused.message());
            assertEquals(null, refused.retryAfterSeconds());
        }

        @Test
        void aConditionOnTheResponseCountsOnlyTheCallsItHoldsFor() throws Exception {
            policies.inbound("apis/a", "<quota-by-key calls=\"1\" renewal-period=\"300\" " + BY_SUBSCRIPTION
                    + " increment-condition=\"@(context.Response.StatusCode == 200)\" />");
            assertTrue(policies.passes("a", caller, 502));
            assertTrue(policies.passes("a", caller, 200));

            assertFalse(policies.passes("a", caller, 200));
        }
    }

    @Nested
    class WhenBandwidthIsCounted {

        @Test
        void theBytesACallMovedCountOnceItCompletesAndTheNextCallIsRefused() throws Exception {
            policies.inbound("apis/a", "<quota-by-key bandwidth=\"1\" renewal-period=\"300\" " + BY_SUBSCRIPTION
                    + " />");
            assertTrue(moves(500, 500));
            assertTrue(moves(20, 4), "1000 of 1024 bytes used");

            assertEquals(new Refusal(403, "quota_exceeded", "Out of bandwidth quota. Quota will be replenished in"
                    + " 00:04:55.", 295L, Map.of()), refusal(policies.inboundOf("a", caller)));
        }

        @Test
        void callsInFlightAreNotCountedYet() throws Exception {
            policies.inbound("apis/a", "<quota-by-key bandwidth=\"1\" renewal-period=\"300\" " + BY_SUBSCRIPTION
                    + " />");
            PolicyCall large = new PolicyCall(caller);
            assertEquals(Decision.CONTINUE, policies.inboundOf("a", large));

            assertTrue(moves(0, 0));
            large.complete(new CallOutcome(200, 10, 4096, 0));
            assertFalse(moves(0, 0));
        }

        @Test
        void aCallRefusedForBandwidthCountsNoCall() throws Exception {
            policies.inbound("apis/a", "<quota-by-key calls=\"2\" bandwidth=\"1\" renewal-period=\"300\" "
                    + BY_SUBSCRIPTION + " />");
            assertTrue(moves(2048, 0));
            assertFalse(moves(0, 0));
            clock.set("2026-03-10T10:05:00Z");

            assertTrue(moves(0, 0));
            assertTrue(moves(0, 0));
            assertFalse(moves(0, 0));
        }

        @Test
        void aFalseConditionLeavesTheBytesUncounted() throws Exception {
            policies.inbound("apis/a", "<quota-by-key bandwidth=\"1\" renewal-period=\"300\" " + BY_SUBSCRIPTION
                    + " increment-condition=\"@(context.Response.StatusCode &lt; 400)\" />");
            assertTrue(policies.passes("a", null, new PolicyCall(caller), new CallOutcome(500, 0, 4096, 0)));

            assertTrue(moves(0, 0));
        }
    }

    @Nested
    class WhenALiteralIsInvalid {

        @Test
        void aRenewalPeriodBelowApimsMinimumIsRefusedAtLoadNamingElementAndLine() {
            assertEquals("<quota-by-key> at line 3: the attribute 'renewal-period' must be 0 (never renews) or a"
                    + " whole number of seconds from 300, not '60'", policies.loadError("<quota-by-key calls=\"5\""
                    + " renewal-period=\"60\" " + BY_SUBSCRIPTION + " />"));
        }

        @Test
        void bandwidthAndFirstPeriodStartMustBeWhatApimTakes() {
            assertTrue(policies.loadError("<quota-by-key bandwidth=\"1.5\" renewal-period=\"300\" "
                    + BY_SUBSCRIPTION + " />").contains("'bandwidth' must be a positive whole number of kilobytes"));
            assertTrue(policies.loadError("<quota-by-key calls=\"1\" renewal-period=\"300\" " + BY_SUBSCRIPTION
                    + " first-period-start=\"yesterday\" />").startsWith("<quota-by-key> at line 3: the attribute"
                    + " 'first-period-start' must be a date and time"));
        }
    }
}
