package dev.mcpgateway.gateway.policy.retry;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.in;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.policy.backend.ForwardRequestFactory;
import dev.mcpgateway.gateway.policy.backend.SetBackendServiceFactory;
import dev.mcpgateway.gateway.policy.engine.BackendRetry;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.flow.ChooseFactory;
import dev.mcpgateway.gateway.policy.flow.ReturnResponseFactory;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.llm.retry.RetryDecision;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code <retry>} compiled by the engine: when it asks for another attempt, how long it waits, what it runs again. */
class RetryTest {

    private static final PolicyFactory[] FACTORIES = {new RetryFactory(), new ForwardRequestFactory(),
            new SetBackendServiceFactory(), new ReturnResponseFactory(), new ChooseFactory()};

    private static String backend(String statements) {
        return in("backend", statements);
    }

    /** Runs the backend section of the document on a call, which is left with the retry's plan. */
    private static PolicyCall ran(String document) throws Exception {
        PolicyCall call = MapContext.on(Surface.MCP).call();
        assertEquals(Decision.CONTINUE, global(Surface.MCP, document, FACTORIES).run(Section.BACKEND, call));
        return call;
    }

    private static PolicyCall retrying(String attributes) throws Exception {
        return ran(backend("<retry " + attributes + "><forward-request /></retry>"));
    }

    /** The decision after the attempt answered with the status. */
    private static RetryDecision after(PolicyCall call, int status, int attempt) {
        call.responseStatus(status);
        return call.retry().after(call, attempt);
    }

    /** The waits before each retry the plan allows when every attempt answers 500. */
    private static List<Duration> waits(PolicyCall call) {
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            RetryDecision decision = after(call, 500, attempt);
            if (!decision.retry()) {
                return waits;
            }
            waits.add(decision.delay());
        }
    }

    @Nested
    class WhenAnAttemptHasAnswered {

        @Test
        void itRetriesWhileTheConditionHoldsForTheAnswersStatus() throws Exception {
            PolicyCall call = retrying("condition=\"@(context.Response.StatusCode == 429)\" count=\"3\""
                    + " interval=\"0\"");

            assertTrue(after(call, 429, 1).retry());
            assertFalse(after(call, 200, 2).retry(), "the answer is kept once the condition is false");
        }

        @Test
        void itStopsWhenTheCountOfRetriesIsSpent() throws Exception {
            PolicyCall call = retrying("condition=\"true\" count=\"3\" interval=\"0\"");

            assertEquals(3, waits(call).size(), "three retries: four attempts in all");
        }

        @Test
        void aBackendSectionWithoutRetrySendsTheCallOnce() throws Exception {
            assertNull(ran(backend("<forward-request />")).retry());
        }
    }

    @Nested
    class TheWaitBetweenAttempts {

        @Test
        void isTheIntervalEachTimeWithIntervalAlone() throws Exception {
            assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)),
                    waits(retrying("condition=\"true\" count=\"3\" interval=\"2\"")));
        }

        @Test
        void growsByDeltaEachTimeWithoutCapWithDeltaAlone() throws Exception {
            List<Duration> waits = waits(retrying("condition=\"true\" count=\"30\" interval=\"1\" delta=\"2\""));

            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5)),
                    waits.subList(0, 3));
            assertEquals(Duration.ofSeconds(59), waits.getLast(), "APIM's linear formula has no cap");
        }

        @Test
        void growsExponentiallyUpToMaxIntervalWithDeltaAndMaxInterval() throws Exception {
            List<Duration> waits = waits(retrying("condition=\"true\" count=\"10\" interval=\"1\" delta=\"1\""
                    + " max-interval=\"20\""));

            for (int n = 1; n <= 3; n++) {
                double factor = Math.pow(2, n) - 1;
                long millis = waits.get(n - 1).toMillis();
                assertTrue(millis >= 1000 + 800 * factor - 1 && millis <= 1000 + 1200 * factor + 1,
                        "retry " + n + " waited " + millis + " ms");
            }
            assertEquals(Duration.ofSeconds(20), waits.getLast());
        }

        @Test
        void isNoneBeforeTheFirstRetryWithFirstFastRetry() throws Exception {
            assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(5)),
                    waits(retrying("condition=\"true\" count=\"2\" interval=\"5\" first-fast-retry=\"true\"")));
        }

        @Test
        void isReadPerCallWhenWrittenAsExpressions() throws Exception {
            PolicyCall call = retrying("condition=\"true\""
                    + " count=\"@(context.Request.Headers.GetValueOrDefault(\"x-retries\", \"2\"))\""
                    + " interval=\"@(1 + 1)\" first-fast-retry=\"@(true)\"");

            assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(2)), waits(call));
        }

        @Test
        void anExpressionGivingNoValidCountFailsTheCall() throws Exception {
            PolicyCall call = MapContext.on(Surface.MCP).header("x-retries", "51").call();
            Decision decision = global(Surface.MCP, backend("<retry condition=\"true\" interval=\"0\" count="
                    + "\"@(context.Request.Headers.GetValueOrDefault(\"x-retries\", \"2\"))\">"
                    + "<forward-request /></retry>"), FACTORIES).run(Section.BACKEND, call);

            assertEquals(Refusal.POLICY_FAILED, assertInstanceOf(Decision.Refuse.class, decision).refusal());
            assertNull(call.retry());
        }
    }

    @Nested
    class ItsPolicies {

        private static final String EAST_OR_WEST = backend("""
                <retry condition="@(context.Response.StatusCode == 429)" count="2" interval="0">
                    <set-backend-service base-url="@(context.Response.StatusCode == 429 ? "http://west.example" : "http://east.example")" />
                    <forward-request timeout="20" />
                </retry>""");

        @Test
        void runOnceBeforeTheFirstAttempt() throws Exception {
            PolicyCall call = ran(EAST_OR_WEST);

            assertEquals(URI.create("http://east.example"), call.backendUrl());
            assertEquals(Duration.ofSeconds(20), call.forwardTimeout());
        }

        @Test
        void runAgainBeforeEachRetryReadingTheAnswer() throws Exception {
            PolicyCall call = ran(EAST_OR_WEST);
            BackendRetry retry = call.retry();

            assertTrue(after(call, 429, 1).retry());
            assertEquals(Decision.CONTINUE, retry.again(call));

            assertEquals(URI.create("http://west.example"), call.backendUrl(), "another backend for the retry");
        }

        @Test
        void endTheCallWithTheirOwnAnswer() throws Exception {
            PolicyCall call = ran(backend("""
                    <retry condition="true" count="2" interval="0">
                        <choose>
                            <when condition="@(context.Response.StatusCode == 503)">
                                <return-response><set-status code="503" reason="Down" /></return-response>
                            </when>
                        </choose>
                    </retry>"""));
            assertNotNull(call.retry(), "nothing answered before the first attempt");

            call.responseStatus(503);

            assertEquals(503, assertInstanceOf(Decision.Respond.class, call.retry().again(call)).response().status());
        }
    }

    @Nested
    class IsRefusedAtLoad {

        @Test
        void whenCountIsNotANumber() {
            assertEquals("<retry> at line 3: the attribute 'count' must be a whole number from 1 to 50, not 'three'",
                    refused(backend("<retry condition=\"true\" count=\"three\" interval=\"1\" />"), FACTORIES));
        }

        @Test
        void whenCountIsBeyondApimsFifty() {
            assertEquals("<retry> at line 3: the attribute 'count' must be a whole number from 1 to 50, not '51'",
                    refused(backend("<retry condition=\"true\" count=\"51\" interval=\"1\" />"), FACTORIES));
        }

        @Test
        void whenAWaitIsNoWholeNumberOfSeconds() {
            assertEquals("<retry> at line 4: the attribute 'delta' must be a whole number of seconds from 0 to"
                    + " 3600, not '1.5'", refused(backend("<forward-request />\n<retry condition=\"true\" count=\"2\""
                    + " interval=\"1\" delta=\"1.5\" />"), FACTORIES));
        }

        @Test
        void whenTheConditionIsNeitherTrueNorFalse() {
            assertEquals("<retry> at line 3: the attribute 'condition' must be true, false or an expression",
                    refused(backend("<retry condition=\"sometimes\" count=\"2\" interval=\"1\" />"), FACTORIES));
        }

        @Test
        void whenAnAttributeItNeedsIsMissing() {
            assertEquals("<retry> at line 3: the attribute 'interval' is required",
                    refused(backend("<retry condition=\"true\" count=\"2\" />"), FACTORIES));
        }

        @Test
        void outsideTheBackendSection() {
            assertEquals("<retry> at line 3: is not allowed in <inbound> (allowed in backend)",
                    refused(in("inbound", "<retry condition=\"true\" count=\"2\" interval=\"1\" />"), FACTORIES));
        }

        @Test
        void insideAnotherRetryNamingTheInnerOne() {
            assertEquals("<retry> at line 6: is inside another <retry>; the backend call is retried by one",
                    refused(backend("""
                            <retry condition="true" count="2" interval="1">
                                <choose>
                                    <when condition="true">
                                        <retry condition="true" count="2" interval="1" />
                                    </when>
                                </choose>
                            </retry>"""), FACTORIES));
        }
    }
}
