package dev.mcpgateway.gateway.policy.limit;

import static dev.mcpgateway.gateway.policy.limit.LimitPolicies.address;
import static dev.mcpgateway.gateway.policy.limit.LimitPolicies.refusal;
import static dev.mcpgateway.gateway.policy.limit.LimitPolicies.subscription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.policy.engine.CallOutcome;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.testsupport.ManualClock;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static final String TWO_PER_MINUTE = "<rate-limit calls=\"2\" renewal-period=\"60\" />";

    private final ManualClock clock = new ManualClock("2026-03-10T10:00:45Z");
    private final LimitPolicies policies = new LimitPolicies(new InMemoryCallCounters(clock));

    @Nested
    class WhenCallsHaveASubscription {

        @Test
        void eachSubscriptionHasItsOwnCountAndTheThirdCallIsRefused() throws Exception {
            policies.inbound("apis/a", TWO_PER_MINUTE);
            MapContext first = subscription("s1").with(ContextValue.REQUEST_IP_ADDRESS, "10.0.0.1");
            MapContext second = subscription("s2").with(ContextValue.REQUEST_IP_ADDRESS, "10.0.0.1");
            assertTrue(policies.passes("a", first));
            assertTrue(policies.passes("a", first));

            assertEquals(new Refusal(429, "rate_limit_exceeded", "Rate limit is exceeded. Try again in 15 seconds.",
                    15L, Map.of()), refusal(policies.inboundOf("a", first)));
            assertTrue(policies.passes("a", second));
        }

        @Test
        void theWindowRenewsOnThePeriodBoundary() throws Exception {
            policies.inbound("apis/a", TWO_PER_MINUTE);
            MapContext caller = subscription("s1");
            policies.passes("a", caller);
            policies.passes("a", caller);

            clock.set("2026-03-10T10:01:00Z");

            assertTrue(policies.passes("a", caller));
        }
    }

    @Nested
    class WhenCallsHaveNoSubscription {

        @Test
        void theCallersAddressIsCounted() throws Exception {
            policies.inbound("apis/a", TWO_PER_MINUTE);
            MapContext one = address("10.0.0.1");
            policies.passes("a", one);
            policies.passes("a", one);

            assertFalse(policies.passes("a", one));
            assertTrue(policies.passes("a", address("10.0.0.2")));
        }
    }

    @Nested
    class WhenWrittenInSeveralDocuments {

        @Test
        void twoScopesNeverShareACounter() throws Exception {
            policies.inbound("apis/a", TWO_PER_MINUTE).inbound("apis/b", TWO_PER_MINUTE);
            MapContext caller = subscription("s1");
            policies.passes("a", caller);
            policies.passes("a", caller);

            assertTrue(policies.passes("b", caller));
        }

        @Test
        void aCallUnderAProductAndAnApiMeetsBothLimits() throws Exception {
            policies.inbound("products/p", "<rate-limit calls=\"3\" renewal-period=\"60\" />")
                    .inbound("apis/a", "<base />\n" + TWO_PER_MINUTE)
                    .inbound("apis/b", "<base />\n" + TWO_PER_MINUTE);
            MapContext caller = subscription("s1");
            assertTrue(passes("a", caller));
            assertTrue(passes("a", caller));
            assertTrue(passes("b", caller));

            assertFalse(passes("b", caller), "the product's limit, though the API's has room");
        }

        private boolean passes(String api, MapContext caller) {
            return policies.passes(api, "p", new PolicyCall(caller), new CallOutcome(200, 0, 0, 0));
        }
    }

    @Nested
    class WhenALiteralIsInvalid {

        @Test
        void callsAndRenewalPeriodAreRefusedAtLoadNamingElementAndLine() {
            assertEquals("<rate-limit> at line 3: the attribute 'calls' must be a positive whole number, not '-1'",
                    policies.loadError("<rate-limit calls=\"-1\" renewal-period=\"60\" />"));
            assertEquals("<rate-limit> at line 3: the attribute 'renewal-period' must be a whole number of seconds"
                    + " from 1 to 300, not '0'", policies.loadError("<rate-limit calls=\"1\" renewal-period=\"0\" />"));
        }
    }
}
