package dev.mcpgateway.llm.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.testsupport.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenLimiter} must do, whatever stores its counters. Subclasses provide the limiter
 * instances: one shared instance in memory, independent instances with their own Redis connections for Redis
 * (standing for separate gateway instances).
 */
abstract class TokenLimiterContract {

    final ManualClock clock = new ManualClock("2026-03-10T12:00:15Z");

    /** {@code count} limiters that share counters (in Redis: each with its own connection). */
    abstract List<TokenLimiter> instances(Clock clock, int count);

    TokenLimiter limiter() {
        return instances(clock, 1).getFirst();
    }

    @Test
    void admitsUpToTheLimitThenRejectsWith429AndRetryAfterUntilTheMinuteEnds() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy policy = TokenLimitPolicy.perMinute(1000);

        var first = assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 600));
        var second = assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 400));
        var third = assertInstanceOf(Admission.Rejected.class, limiter.admit("sub-a", policy, 1));

        assertEquals(OptionalLong.of(400), first.remainingTokens());
        assertEquals(OptionalLong.of(0), second.remainingTokens());
        assertEquals(429, third.status());
        assertEquals(45, third.retryAfterSeconds());
        assertEquals(OptionalLong.empty(), third.remainingQuotaTokens());
    }

    @Test
    void refusesAPromptLargerThanWhatIsLeftWithoutReservingIt() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy policy = TokenLimitPolicy.perMinute(1000);
        limiter.admit("sub-a", policy, 700);

        assertInstanceOf(Admission.Rejected.class, limiter.admit("sub-a", policy, 301));
        var fits = assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 300));

        assertEquals(OptionalLong.of(0), fits.remainingTokens());
    }

    @Test
    void withoutAnEstimateAdmitsWhileBelowTheLimitAndChargesTheResponseUsage() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy policy = TokenLimitPolicy.perMinute(1000);

        var admitted = assertInstanceOf(Admission.Admitted.class, limiter.admit("10.0.0.1", policy, 0));
        Settlement settled = limiter.settle(admitted.reservation(), 1200);

        assertEquals(1200, settled.consumedTokens());
        assertEquals(OptionalLong.of(0), settled.remainingTokens());
        assertInstanceOf(Admission.Rejected.class, limiter.admit("10.0.0.1", policy, 0));
    }

    @Test
    void theMinuteWindowRollsAtTheUtcMinuteBoundary() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy policy = TokenLimitPolicy.perMinute(100);
        limiter.admit("sub-a", policy, 100);
        clock.set("2026-03-10T12:00:59.999Z");
        var stillFull = assertInstanceOf(Admission.Rejected.class, limiter.admit("sub-a", policy, 1));
        assertEquals(1, stillFull.retryAfterSeconds());

        clock.set("2026-03-10T12:01:00Z");

        var fresh = assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 100));
        assertEquals(OptionalLong.of(0), fresh.remainingTokens());
    }

    @Test
    void overTheQuotaRejectsWith403UntilTheUtcDayBoundary() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy policy = TokenLimitPolicy.quota(5000, QuotaPeriod.DAILY);
        clock.set("2026-03-10T23:59:50Z");
        limiter.admit("sub-a", policy, 5000);

        var refused = assertInstanceOf(Admission.Rejected.class, limiter.admit("sub-a", policy, 10));
        assertEquals(403, refused.status());
        assertEquals(Admission.Reason.QUOTA, refused.reason());
        assertEquals(10, refused.retryAfterSeconds());
        assertEquals(OptionalLong.of(0), refused.remainingQuotaTokens());

        clock.set("2026-03-11T00:00:00Z");
        var nextDay = assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 10));
        assertEquals(OptionalLong.of(4990), nextDay.remainingQuotaTokens());
    }

    @Test
    void monthlyQuotaLastsTheWholeUtcMonthAndRollsOnTheFirst() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy policy = TokenLimitPolicy.quota(1000, QuotaPeriod.MONTHLY);
        clock.set("2026-02-01T00:00:00Z");
        limiter.admit("sub-a", policy, 1000);

        clock.set("2026-02-28T23:59:59Z");
        assertInstanceOf(Admission.Rejected.class, limiter.admit("sub-a", policy, 1));
        clock.set("2026-03-01T00:00:00Z");
        assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 1));
    }

    @Test
    void aRateRejectionReservesNothingOnTheQuota() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy policy = TokenLimitPolicy.fromAttributes(Map.of("tokens-per-minute", "100", "token-quota", "1000", "token-quota-period", "Hourly"));
        limiter.admit("sub-a", policy, 100);

        var refused = assertInstanceOf(Admission.Rejected.class, limiter.admit("sub-a", policy, 50));

        assertEquals(429, refused.status());
        assertEquals(OptionalLong.of(900), refused.remainingQuotaTokens());
    }

    @Test
    void anExhaustedQuotaAnswers403EvenWhenTheMinuteIsAlsoFull() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy policy = TokenLimitPolicy.fromAttributes(Map.of("tokens-per-minute", "100", "token-quota", "100", "token-quota-period", "Yearly"));
        limiter.admit("sub-a", policy, 100);

        var refused = assertInstanceOf(Admission.Rejected.class, limiter.admit("sub-a", policy, 1));

        assertEquals(403, refused.status());
    }

    @Test
    void reconcilingDownReturnsTheUnusedReservation() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy policy = TokenLimitPolicy.perMinute(1000);
        var admitted = assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 800));

        Settlement settled = limiter.settle(admitted.reservation(), 200);

        assertEquals(OptionalLong.of(800), settled.remainingTokens());
        assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 800));
    }

    @Test
    void reconcilingUpChargesTheCompletionTokens() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy policy = TokenLimitPolicy.fromAttributes(Map.of("tokens-per-minute", "1000", "token-quota", "10000", "token-quota-period", "Weekly"));
        var admitted = assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 100));

        Settlement settled = limiter.settle(admitted.reservation(), 900);

        assertEquals(OptionalLong.of(100), settled.remainingTokens());
        assertEquals(OptionalLong.of(9100), settled.remainingQuotaTokens());
        assertInstanceOf(Admission.Rejected.class, limiter.admit("sub-a", policy, 101));
    }

    @Test
    void aLateSettlementLandsInTheWindowItWasReservedFrom() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy policy = TokenLimitPolicy.perMinute(1000);
        var admitted = assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 100));
        clock.advance(Duration.ofMinutes(1));

        limiter.settle(admitted.reservation(), 1000);

        var next = assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 1000));
        assertEquals(OptionalLong.of(0), next.remainingTokens());
    }

    @Test
    void eachCounterKeyValueHasItsOwnCounterSharedByEveryPolicyUsingIt() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy chat = TokenLimitPolicy.perMinute(100);
        TokenLimitPolicy embeddings = TokenLimitPolicy.perMinute(100);
        limiter.admit("sub-a", chat, 100);

        assertInstanceOf(Admission.Rejected.class, limiter.admit("sub-a", embeddings, 1));
        assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-b", chat, 100));
    }

    /**
     * Many callers on every instance race for one counter with reservations that are reconciled up and down.
     * Reservations never exceed the limit (no over-admission), a refusal only happens when the reservation
     * really did not fit (no false 429, so at least 90% of the limit is admitted), and the final count is
     * exactly the sum of the reconciled actuals (no lost update across instances).
     */
    @Test
    void concurrentCallersOnEveryInstanceNeverOverAdmitAndLoseNoUpdate() throws Exception {
        List<TokenLimiter> limiters = instances(clock, 2);
        long limit = 20_000;
        long quota = 1_000_000;
        TokenLimitPolicy policy = TokenLimitPolicy.fromAttributes(Map.of("tokens-per-minute", Long.toString(limit), "token-quota", Long.toString(quota),
                "token-quota-period", "Daily"));
        int threadsPerInstance = 4;
        int callsPerThread = 150;
        AtomicLong reservedInFlightMax = new AtomicLong();
        AtomicLong reservedNow = new AtomicLong();
        AtomicLong actualTotal = new AtomicLong();
        AtomicLong falseRejections = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(limiters.size() * threadsPerInstance)) {
            for (TokenLimiter limiter : limiters) {
                for (int t = 0; t < threadsPerInstance; t++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        for (int i = 0; i < callsPerThread; i++) {
                            long estimate = random.nextLong(10, 60);
                            Admission a = limiter.admit("shared", policy, estimate);
                            if (a instanceof Admission.Admitted admitted) {
                                reservedInFlightMax.accumulateAndGet(reservedNow.addAndGet(estimate), Math::max);
                                // Actual differs from the estimate both ways, but never exceeds it here,
                                // so the count must never pass the limit.
                                long actual = random.nextLong(0, estimate + 1);
                                reservedNow.addAndGet(-estimate);
                                actualTotal.addAndGet(actual);
                                limiter.settle(admitted.reservation(), actual);
                            } else if (a instanceof Admission.Rejected r
                                    && r.remainingTokens().orElseThrow() >= estimate) {
                                falseRejections.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        // A zero-token probe reads both counters; it is refused if the minute happens to be exactly full.
        Admission probe = limiters.getFirst().admit("shared", policy, 0);

        assertEquals(0, falseRejections.get(), "a refusal while the reservation still fitted");
        assertEquals(OptionalLong.of(quota - actualTotal.get()), probe.remainingQuotaTokens(),
                "the quota counter must equal the sum of the reconciled actuals");
        assertEquals(OptionalLong.of(limit - actualTotal.get()), probe.remainingTokens());
        assertTrue(actualTotal.get() <= limit, "used " + actualTotal.get() + " of " + limit);
    }

    /**
     * Callers that fill the minute exactly with reservations that are never reconciled: the limiter must
     * admit every token up to the limit and not one more, wherever the calls land.
     */
    @Test
    void racingReservationsFillTheLimitExactlyAndNeverPassIt() throws Exception {
        List<TokenLimiter> limiters = instances(clock, 2);
        long limit = 5_000;
        TokenLimitPolicy policy = TokenLimitPolicy.perMinute(limit);
        AtomicLong admitted = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                TokenLimiter limiter = limiters.get(t % limiters.size());
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        if (limiter.admit("hot", policy, 10) instanceof Admission.Admitted) {
                            admitted.addAndGet(10);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertEquals(limit, admitted.get());
        assertTrue(Optional.of(limiters.getFirst().admit("hot", policy, 0))
                .filter(Admission.Rejected.class::isInstance).isPresent());
    }

    /**
     * Completion tokens are charged only when a call ends, so calls in flight when the limit is reached may
     * push the count past it: by at most the unreserved tokens of those calls (docs/llm-token-limits.md).
     * With 8 callers each holding at most one call, that is 8 x the largest unreserved part.
     */
    @Test
    void overshootStaysWithinTheUnreservedTokensOfTheCallsInFlight() throws Exception {
        List<TokenLimiter> limiters = instances(clock, 2);
        long limit = 10_000;
        long maxExtra = 40;
        int callers = 8;
        TokenLimitPolicy policy = TokenLimitPolicy.fromAttributes(Map.of("tokens-per-minute", Long.toString(limit), "token-quota", "1000000", "token-quota-period", "Daily"));
        AtomicLong used = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int t = 0; t < callers; t++) {
                TokenLimiter limiter = limiters.get(t % limiters.size());
                done.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 200; i++) {
                        long estimate = random.nextLong(5, 30);
                        if (limiter.admit("busy", policy, estimate) instanceof Admission.Admitted a) {
                            long actual = estimate + random.nextLong(0, maxExtra + 1);
                            used.addAndGet(actual);
                            limiter.settle(a.reservation(), actual);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        var probe = assertInstanceOf(Admission.Admitted.class,
                limiters.getFirst().admit("busy", TokenLimitPolicy.quota(1_000_000,
                        QuotaPeriod.DAILY), 0));

        assertEquals(OptionalLong.of(1_000_000 - used.get()), probe.remainingQuotaTokens());
        assertTrue(used.get() >= limit * 9 / 10, "refused below 90% of the limit, used " + used.get());
        assertTrue(used.get() <= limit + callers * maxExtra, "overshoot beyond the bound: used " + used.get());
    }
}
