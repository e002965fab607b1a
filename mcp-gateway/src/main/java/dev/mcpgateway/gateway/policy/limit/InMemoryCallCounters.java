package dev.mcpgateway.gateway.policy.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters held in this process: exact for one gateway instance. Each key maps to a lock stripe, so the check and
 * the count of a call over all its counters happen as one step, as the Redis script does.
 */
public final class InMemoryCallCounters implements CallCounters {

    private static final int STRIPES = 64;
    /** Above this many counters, windows that ended are swept, at most once a second. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final Clock clock;
    private final Object[] stripes = new Object[STRIPES];
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;

    public InMemoryCallCounters(Clock clock) {
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    @Override
    public Tally admit(String key, List<Charge> charges) {
        Instant now = clock.instant();
        sweepIfLarge(now);
        synchronized (stripe(key)) {
            List<Counter> current = new ArrayList<>(charges.size());
            boolean fits = true;
            for (Charge charge : charges) {
                Counter counter = counter(key, charge, now);
                current.add(counter);
                fits &= charge.fits(counter.used);
            }
            List<Tally.Count> counts = new ArrayList<>(charges.size());
            for (int i = 0; i < charges.size(); i++) {
                Counter counter = current.get(i);
                if (fits) {
                    counter.used += charges.get(i).amount();
                }
                counts.add(new Tally.Count(counter.used, charges.get(i).window().secondsLeft(now)));
            }
            return new Tally(fits, counts);
        }
    }

    @Override
    public void add(String key, Charge charge) {
        Instant now = clock.instant();
        synchronized (stripe(key)) {
            counter(key, charge, now).used += charge.amount();
        }
    }

    @Override
    public boolean mayBlock() {
        return false;
    }

    private Counter counter(String key, Charge charge, Instant now) {
        Window window = charge.window();
        String id = key + "|" + charge.measure() + "|" + window.seconds() + "|" + window.start(now).getEpochSecond();
        return counters.computeIfAbsent(id, k -> new Counter(window.end(now)));
    }

    private Object stripe(String key) {
        return stripes[Math.floorMod(key.hashCode(), STRIPES)];
    }

    private void sweepIfLarge(Instant now) {
        if (counters.size() > SWEEP_THRESHOLD && now.isAfter(nextSweep)) {
            nextSweep = now.plus(Duration.ofSeconds(1));
            counters.values().removeIf(counter -> counter.end != null && !counter.end.isAfter(now));
        }
    }

    /** One window's running total; guarded by the stripe of its key. {@code end} is null for a window without end. */
    private static final class Counter {
        final Instant end;
        long used;

        Counter(Instant end) {
            this.end = end;
        }
    }
}
