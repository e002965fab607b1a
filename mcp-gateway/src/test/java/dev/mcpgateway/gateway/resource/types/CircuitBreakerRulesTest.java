package dev.mcpgateway.gateway.resource.types;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.llm.breaker.BreakerRule;
import dev.mcpgateway.llm.breaker.BreakerRule.StatusRange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CircuitBreakerRulesTest {

    private static final String RULE = "circuitBreaker.rules[0].";
    private static final String CONDITION = RULE + "failureCondition.";

    /** A backend whose one rule has the given failure condition and rule members. */
    private static String backend(String condition, String rule) {
        return "{circuitBreaker: {rules: [{failureCondition: " + condition + (rule.isEmpty() ? "" : ", " + rule)
                + "}]}}";
    }

    private static void check(String backend) throws Exception {
        CircuitBreakerRules.check(json(backend));
    }

    @Nested
    class Checking {

        @Test
        void takesApimsRuleShape() throws Exception {
            check(backend("{count: 3, interval: 'PT1M', statusCodeRanges: [{min: 429, max: 429},"
                    + " {min: 500, max: 599}], errorReasons: ['timeout']}", "name: 'r1', tripDuration: 'PT1M',"
                    + " acceptRetryAfter: true"));
            check(backend("{percentage: 50, minimumCalls: 10, interval: 'pt5m'}", ""));
            check("{}");
        }

        @Test
        void refusesAnythingButExactlyOneRule() {
            assertRefusedAt("circuitBreaker.rules", () -> check("{circuitBreaker: {rules: []}}"));
            assertRefusedAt("circuitBreaker.rules", () -> check("{circuitBreaker: {rules: [{failureCondition:"
                    + " {count: 1}}, {failureCondition: {count: 2}}]}}"));
            assertRefusedAt("circuitBreaker.rules", () -> check("{circuitBreaker: {}}"));
            assertRefusedAt("circuitBreaker.rules", () -> check("{circuitBreaker: {rules: ['r1']}}"));
            assertRefusedAt("circuitBreaker.mode", () -> check("{circuitBreaker: {mode: 'x', rules: []}}"));
        }

        @Test
        void refusesARuleWithoutAFailureCondition() {
            assertRefusedAt(RULE + "failureCondition", () -> check("{circuitBreaker: {rules: [{name: 'r1'}]}}"));
        }

        @Test
        void refusesAConditionWithNeitherCountNorPercentage() {
            assertRefusedAt(CONDITION + "count", () -> check(backend("{interval: 'PT1M'}", "")));
        }

        @Test
        void refusesAStatusRangeOutOfOrderOrOutOfBounds() {
            assertRefusedAt(CONDITION + "statusCodeRanges[0]",
                    () -> check(backend("{count: 1, statusCodeRanges: [{min: 599, max: 500}]}", "")));
            assertRefusedAt(CONDITION + "statusCodeRanges[1]",
                    () -> check(backend("{count: 1, statusCodeRanges: [{min: 500, max: 599}, {min: 429}]}", "")));
            assertRefusedAt(CONDITION + "statusCodeRanges[0].max",
                    () -> check(backend("{count: 1, statusCodeRanges: [{min: 500, max: 600}]}", "")));
            assertRefusedAt(CONDITION + "statusCodeRanges[0]",
                    () -> check(backend("{count: 1, statusCodeRanges: ['500-599']}", "")));
            assertRefusedAt(CONDITION + "statusCodeRanges",
                    () -> check(backend("{count: 1, statusCodeRanges: '500-599'}", "")));
        }

        @Test
        void refusesADurationThatIsNotAPositiveIsoDuration() {
            assertRefusedAt(RULE + "tripDuration", () -> check(backend("{count: 1}", "tripDuration: '30s'")));
            assertRefusedAt(RULE + "tripDuration", () -> check(backend("{count: 1}", "tripDuration: 'PT0S'")));
            assertRefusedAt(CONDITION + "interval", () -> check(backend("{count: 1, interval: '-PT1M'}", "")));
        }

        @Test
        void refusesEachOtherBadFieldNamingIt() {
            assertRefusedAt(CONDITION + "count", () -> check(backend("{count: 0}", "")));
            assertRefusedAt(CONDITION + "percentage", () -> check(backend("{percentage: 101}", "")));
            assertRefusedAt(CONDITION + "minimumCalls", () -> check(backend("{count: 1, minimumCalls: 0}", "")));
            assertRefusedAt(CONDITION + "errorReasons", () -> check(backend("{count: 1, errorReasons: 'io'}", "")));
            assertRefusedAt(CONDITION + "window", () -> check(backend("{count: 1, window: 'PT1M'}", "")));
            assertRefusedAt(RULE + "acceptRetryAfter", () -> check(backend("{count: 1}", "acceptRetryAfter: 'yes'")));
            assertRefusedAt(RULE + "priority", () -> check(backend("{count: 1}", "priority: 1")));
        }
    }

    @Nested
    class Compiling {

        @Test
        void givesTheRuleWritten() {
            BreakerRule rule = CircuitBreakerRules.compile(json(backend("{count: 3, interval: 'pt2m',"
                    + " statusCodeRanges: [{min: 429, max: 429}, {min: 500, max: 503}], errorReasons: ['timeout']}",
                    "tripDuration: 'PT45S', acceptRetryAfter: true")));

            assertEquals(new BreakerRule(3, 0, 1, Duration.ofMinutes(2),
                    List.of(new StatusRange(429, 429), new StatusRange(500, 503)), List.of("timeout"),
                    Duration.ofSeconds(45), true, null), rule);
        }

        @Test
        void fillsWhatTheRuleLeavesOutWithTheRuntimeDefaults() {
            BreakerRule rule = CircuitBreakerRules.compile(json(backend("{percentage: 50, minimumCalls: 10}", "")));

            assertEquals(new BreakerRule(0, 50, 10, BreakerRule.DEFAULT_INTERVAL,
                    List.of(new StatusRange(429, 429), new StatusRange(500, 599)), List.of(),
                    BreakerRule.DEFAULT_TRIP, false, BreakerRule.DEFAULT_MAX_RETRY_AFTER), rule);
        }

        @Test
        void givesTheDefaultRuleToABackendWithoutOne() {
            assertEquals(BreakerRule.defaults(), CircuitBreakerRules.compile(json("{url: 'https://b1.example'}")));
        }
    }
}
