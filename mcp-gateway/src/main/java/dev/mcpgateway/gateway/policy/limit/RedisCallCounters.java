package dev.mcpgateway.gateway.policy.limit;

import dev.mcpgateway.redis.RedisOutageLog;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Counters in Redis, exact across gateway instances: an admission is one Lua call that checks and counts every
 * counter of a key atomically. One key per window ({@code <prefix>{<key>}:<measure>:<seconds>:<window start>}),
 * expiring shortly after its window ends; the hash tag keeps a key's counters on one Redis Cluster slot.
 *
 * <p>When Redis cannot be reached, counting degrades to this instance's in-memory counters rather than failing the
 * call, as the LLM token limits do: limits then hold per instance until Redis is back, and a warning says so (at
 * most every 10 s). Bound how long a call waits for a dead Redis with {@code redis.timeout}.
 *
 * <p>Windows come from the injected clock, not from Redis' {@code TIME}: instances must run synchronised clocks.
 */
public final class RedisCallCounters implements CallCounters {

    /** Keys outlive their window by this much, so an instance whose clock is slightly behind still finds them. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final RedisCommands<String, String> redis;
    private final Clock clock;
    private final String keyPrefix;
    private final InMemoryCallCounters fallback;
    private final RedisOutageLog outage = new RedisOutageLog(RedisCallCounters.class, "policy rate limits and quotas");

    /**
     * @param connection a connection this may share with others (Lettuce connections are thread-safe)
     * @param keyPrefix  namespaces the counters, e.g. {@code policy:limit:}
     */
    public RedisCallCounters(StatefulRedisConnection<String, String> connection, Clock clock, String keyPrefix) {
        this.redis = connection.sync();
        this.clock = clock;
        this.keyPrefix = keyPrefix;
        this.fallback = new InMemoryCallCounters(clock);
    }

    @Override
    public Tally admit(String key, List<Charge> charges) {
        try {
            return admitShared(key, charges);
        } catch (RedisException e) {
            outage.countingLocally(e);
            return fallback.admit(key, charges);
        }
    }

    @Override
    public void add(String key, Charge charge) {
        Instant now = clock.instant();
        try {
            CounterScripts.ADD.run(redis, ScriptOutputType.INTEGER, new String[] {redisKey(key, charge, now)},
                    Long.toString(charge.amount()), ttlMillis(charge.window(), now));
        } catch (RedisException e) {
            outage.countingLocally(e);
            fallback.add(key, charge);
        }
    }

    @Override
    public boolean mayBlock() {
        return true;
    }

    private Tally admitShared(String key, List<Charge> charges) {
        Instant now = clock.instant();
        String[] keys = new String[charges.size()];
        String[] args = new String[charges.size() * 3];
        for (int i = 0; i < charges.size(); i++) {
            Charge charge = charges.get(i);
            keys[i] = redisKey(key, charge, now);
            args[3 * i] = Long.toString(charge.limit());
            args[3 * i + 1] = Long.toString(charge.amount());
            args[3 * i + 2] = ttlMillis(charge.window(), now);
        }
        List<Long> answer = CounterScripts.ADMIT.run(redis, ScriptOutputType.MULTI, keys, args);
        List<Tally.Count> counts = new ArrayList<>(charges.size());
        for (int i = 0; i < charges.size(); i++) {
            counts.add(new Tally.Count(answer.get(i + 1), charges.get(i).window().secondsLeft(now)));
        }
        return new Tally(answer.getFirst() == 1, counts);
    }

    private String redisKey(String key, Charge charge, Instant now) {
        // braces in the key are escaped so that the hash tag is always the whole key
        String tag = "{" + key.replace("{", "%7B").replace("}", "%7D") + "}";
        Window window = charge.window();
        return keyPrefix + tag + ":" + charge.measure() + ":" + window.seconds() + ":"
                + window.start(now).getEpochSecond();
    }

    /** Until shortly after the window ends; 0 (no expiry) for a window without end. */
    private static String ttlMillis(Window window, Instant now) {
        if (!window.renews()) {
            return "0";
        }
        return Long.toString(Math.max(1, Duration.between(now, window.end(now)).plus(GRACE).toMillis()));
    }
}
