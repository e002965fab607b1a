package dev.mcpgateway.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator that the counters of {@code what} went local because Redis cannot be reached: at most one
 * warning every 10 s whatever the call rate, so that an outage does not flood the log. An error Redis answered with
 * (a script error, a wrong type) is no outage but a bug or a misconfiguration: it is thrown on.
 */
public final class RedisOutageLog {

    private static final long WARN_EVERY_MILLIS = 10_000;

    private final Logger log;
    private final String what;
    private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param owner the class whose logger warns
     * @param what  what is counted, e.g. {@code token limits}
     */
    public RedisOutageLog(Class<?> owner, String what) {
        this.log = LoggerFactory.getLogger(owner);
        this.what = what;
    }

    /** Warns (rate-limited) that this instance counts alone; rethrows an error Redis answered with. */
    public void countingLocally(RedisException e) {
        if (e instanceof RedisCommandExecutionException) {
            throw e;
        }
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
            log.warn("Redis unreachable for {} ({}); counting on this instance only until it is back", what,
                    e.getClass().getSimpleName());
        }
    }
}
