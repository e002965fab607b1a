package dev.mcpgateway.llm.limit;

import dev.mcpgateway.redis.RedisOutageLog;
import dev.mcpgateway.redis.RedisScript;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Counters in Redis, exact across gateway instances: an admission is one Lua call that checks and reserves
 * on the minute and quota windows atomically; a settlement is one Lua call that adds {@code actual - reserved}
 * to the windows the reservation was taken from. Both keys of a counter share a hash tag, so the script is
 * valid on Redis Cluster too.
 *
 * <p>When Redis cannot be reached (connection refused, command timeout), the limiter degrades to this
 * instance's in-memory counters rather than failing the call: limits then hold per instance until Redis is
 * back. Bound how long a call waits for a dead Redis with {@code redis.timeout} (Lettuce's default is 60 s).
 *
 * <p>Windows come from the injected clock, not from Redis' {@code TIME}: instances must run NTP-synchronised
 * clocks (a skew of s seconds moves the boundary by s seconds for that instance only).
 */
public final class RedisTokenLimiter implements TokenLimiter {

    /** Keys live this long past their window so late settlements still find them. */
    private static final Duration GRACE = Duration.ofMinutes(2);

    private final RedisCommands<String, String> redis;
    private final InMemoryTokenLimiter fallback;
    private final RedisOutageLog outage = new RedisOutageLog(RedisTokenLimiter.class, "token limits");
    private final Clock clock;
    private final String keyPrefix;

    /**
     * @param connection a connection this limiter may share with others (Lettuce connections are
     *                   thread-safe)
     * @param keyPrefix  namespaces the counters, e.g. {@code llm:limit:}
     */
    public RedisTokenLimiter(StatefulRedisConnection<String, String> connection, Clock clock, String keyPrefix) {
        this.redis = connection.sync();
        this.clock = clock;
        this.keyPrefix = keyPrefix;
        this.fallback = new InMemoryTokenLimiter(clock);
    }

    @Override
    public boolean mayBlock() {
        return true;
    }

    @Override
    public Admission admit(String counterKey, TokenLimitPolicy policy, long estimatedTokens) {
        try {
            return admitShared(counterKey, policy, estimatedTokens);
        } catch (RedisException e) {
            outage.countingLocally(e);
            Admission local = fallback.admit(counterKey, policy, estimatedTokens);
            return local instanceof Admission.Admitted a
                    ? new Admission.Admitted(a.reservation().asLocal(), a.remainingTokens(), a.remainingQuotaTokens())
                    : local;
        }
    }

    @Override
    public Settlement settle(Reservation reservation, long actualTokens) {
        if (reservation.local()) {
            return fallback.settle(reservation, actualTokens);
        }
        try {
            return settleShared(reservation, actualTokens);
        } catch (RedisException e) {
            // The reservation stays charged in Redis until its window expires: the safe side of the error.
            outage.countingLocally(e);
            return new Settlement(actualTokens, OptionalLong.empty(), OptionalLong.empty());
        }
    }

    private Admission admitShared(String counterKey, TokenLimitPolicy policy, long estimatedTokens) {
        Instant now = clock.instant();
        Instant minute = policy.limitsRate() ? Windows.minuteStart(now) : null;
        Instant quotaStart = policy.limitsQuota() ? policy.quotaPeriod().windowStart(now) : null;
        Instant rateEnd = Windows.minuteEnd(now);
        Instant quotaEnd = policy.limitsQuota() ? policy.quotaPeriod().windowEnd(now) : rateEnd;
        List<Long> r = run(LimitScripts.ADMIT, keys(counterKey, policy, minute, quotaStart),
                Long.toString(estimatedTokens),
                Long.toString(policy.tokensPerMinute()), ttlMillis(now, rateEnd),
                Long.toString(policy.tokenQuota()), ttlMillis(now, quotaEnd));
        OptionalLong rateLeft = left(policy.tokensPerMinute(), r.get(2));
        OptionalLong quotaLeft = left(policy.tokenQuota(), r.get(3));
        return switch (r.get(0).intValue()) {
            case 1 -> new Admission.Admitted(
                    new Reservation(counterKey, policy, estimatedTokens, minute, quotaStart), rateLeft, quotaLeft);
            case 2 -> new Admission.Rejected(Admission.Reason.QUOTA, Windows.retryAfterSeconds(now, quotaEnd),
                    rateLeft, quotaLeft);
            default -> new Admission.Rejected(Admission.Reason.RATE, Windows.retryAfterSeconds(now, rateEnd),
                    rateLeft, quotaLeft);
        };
    }

    private Settlement settleShared(Reservation reservation, long actualTokens) {
        TokenLimitPolicy policy = reservation.policy();
        Instant now = clock.instant();
        Instant rateEnd = reservation.rateWindowStart() == null ? now
                : Windows.minuteEnd(reservation.rateWindowStart());
        Instant quotaEnd = reservation.quotaWindowStart() == null ? now
                : policy.quotaPeriod().windowEnd(reservation.quotaWindowStart());
        List<Long> r = run(LimitScripts.SETTLE,
                keys(reservation.counterKey(), policy, reservation.rateWindowStart(), reservation.quotaWindowStart()),
                Long.toString(actualTokens - reservation.reservedTokens()),
                Long.toString(policy.tokensPerMinute()), ttlMillis(now, rateEnd),
                Long.toString(policy.tokenQuota()), ttlMillis(now, quotaEnd));
        return new Settlement(actualTokens, left(policy.tokensPerMinute(), r.get(0)),
                left(policy.tokenQuota(), r.get(1)));
    }

    private String[] keys(String counterKey, TokenLimitPolicy policy, Instant minute, Instant quotaStart) {
        // The hash tag {…} keeps both counters of a key on one cluster slot; braces in the value are escaped.
        String tag = "{" + counterKey.replace("{", "%7B").replace("}", "%7D") + "}";
        String rate = minute == null ? keyPrefix + "none" : keyPrefix + "tpm:" + tag + ":" + minute.getEpochSecond();
        String quota = quotaStart == null ? keyPrefix + "none"
                : keyPrefix + "quota:" + tag + ":" + policy.quotaPeriod() + ":" + quotaStart.getEpochSecond();
        return new String[] {rate, quota};
    }

    private List<Long> run(RedisScript script, String[] keys, String... args) {
        return script.run(redis, ScriptOutputType.MULTI, keys, args);
    }

    private static String ttlMillis(Instant now, Instant windowEnd) {
        return Long.toString(Math.max(1, Duration.between(now, windowEnd).plus(GRACE).toMillis()));
    }

    private static OptionalLong left(long limit, long used) {
        return limit == 0 ? OptionalLong.empty() : OptionalLong.of(Windows.remaining(limit, used));
    }
}
