package dev.mcpgateway.llm.limit;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters held in this process: exact for one gateway instance. Each counter key maps to a lock stripe, so
 * the check and the reservation over the minute and quota windows happen as one step, as in Redis.
 */
public final class InMemoryTokenLimiter implements TokenLimiter {

    private static final int STRIPES = 64;
    /** Above this many counters, windows that ended are swept on the next admission. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final Clock clock;
    private final Object[] stripes = new Object[STRIPES];
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public InMemoryTokenLimiter(Clock clock) {
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    @Override
    public Admission admit(String counterKey, TokenLimitPolicy policy, long estimatedTokens) {
        Instant now = clock.instant();
        Instant minute = policy.limitsRate() ? Windows.minuteStart(now) : null;
        Instant quotaStart = policy.limitsQuota() ? policy.quotaPeriod().windowStart(now) : null;
        sweepIfLarge(now);
        synchronized (stripe(counterKey)) {
            Counter rate = minute == null ? null : counter(rateKey(counterKey, minute), Windows.minuteEnd(now));
            Counter quota = quotaStart == null ? null
                    : counter(quotaKey(counterKey, policy, quotaStart), policy.quotaPeriod().windowEnd(now));
            OptionalLong rateLeft = remaining(policy.tokensPerMinute(), rate);
            OptionalLong quotaLeft = remaining(policy.tokenQuota(), quota);
            if (quota != null && refuses(policy.tokenQuota(), quota.used, estimatedTokens)) {
                return new Admission.Rejected(Admission.Reason.QUOTA,
                        Windows.retryAfterSeconds(now, quota.end), rateLeft, quotaLeft);
            }
            if (rate != null && refuses(policy.tokensPerMinute(), rate.used, estimatedTokens)) {
                return new Admission.Rejected(Admission.Reason.RATE,
                        Windows.retryAfterSeconds(now, rate.end), rateLeft, quotaLeft);
            }
            if (rate != null) {
                rate.used += estimatedTokens;
            }
            if (quota != null) {
                quota.used += estimatedTokens;
            }
            Reservation reservation = new Reservation(counterKey, policy, estimatedTokens, minute, quotaStart);
            return new Admission.Admitted(reservation, remaining(policy.tokensPerMinute(), rate),
                    remaining(policy.tokenQuota(), quota));
        }
    }

    @Override
    public Settlement settle(Reservation reservation, long actualTokens) {
        long delta = actualTokens - reservation.reservedTokens();
        TokenLimitPolicy policy = reservation.policy();
        synchronized (stripe(reservation.counterKey())) {
            Counter rate = reservation.rateWindowStart() == null ? null
                    : counters.get(rateKey(reservation.counterKey(), reservation.rateWindowStart()));
            Counter quota = reservation.quotaWindowStart() == null ? null
                    : counters.get(quotaKey(reservation.counterKey(), policy, reservation.quotaWindowStart()));
            // A window swept after it ended needs no reconciliation: nobody can be admitted into it again.
            if (rate != null) {
                rate.used = Math.max(0, rate.used + delta);
            }
            if (quota != null) {
                quota.used = Math.max(0, quota.used + delta);
            }
            return new Settlement(actualTokens, remainingOrFull(policy.tokensPerMinute(), rate),
                    remainingOrFull(policy.tokenQuota(), quota));
        }
    }

    static boolean refuses(long limit, long used, long estimate) {
        return used >= limit || used + estimate > limit;
    }

    private Counter counter(String key, Instant end) {
        return counters.computeIfAbsent(key, k -> new Counter(end));
    }

    private static OptionalLong remaining(long limit, Counter counter) {
        return counter == null ? OptionalLong.empty() : OptionalLong.of(Windows.remaining(limit, counter.used));
    }

    private static OptionalLong remainingOrFull(long limit, Counter counter) {
        if (limit == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(counter == null ? limit : Windows.remaining(limit, counter.used));
    }

    private static String rateKey(String counterKey, Instant minute) {
        return "tpm|" + counterKey + "|" + minute.getEpochSecond();
    }

    private static String quotaKey(String counterKey, TokenLimitPolicy policy, Instant start) {
        return "quota|" + policy.quotaPeriod() + "|" + counterKey + "|" + start.getEpochSecond();
    }

    private Object stripe(String counterKey) {
        return stripes[Math.floorMod(counterKey.hashCode(), STRIPES)];
    }

    private void sweepIfLarge(Instant now) {
        if (counters.size() > SWEEP_THRESHOLD) {
            counters.values().removeIf(c -> !c.end.isAfter(now));
        }
    }

    /** One window's running total; guarded by the stripe of its counter key. */
    private static final class Counter {
        final Instant end;
        long used;

        Counter(Instant end) {
            this.end = end;
        }
    }
}
