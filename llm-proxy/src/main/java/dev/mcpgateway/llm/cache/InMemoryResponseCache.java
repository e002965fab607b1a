package dev.mcpgateway.llm.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded in-process cache: at most {@code maxEntries} entries, least recently used evicted first, each
 * entry expiring after its TTL, and no single body above {@code maxEntryBytes}.
 */
public final class InMemoryResponseCache implements ResponseCache {

    private final Clock clock;
    private final int maxEntries;
    private final int maxEntryBytes;
    private final Map<String, Stored> entries;

    public InMemoryResponseCache(Clock clock, int maxEntries, int maxEntryBytes) {
        if (maxEntries < 1 || maxEntryBytes < 1) {
            throw new IllegalArgumentException("cache bounds must be positive");
        }
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.maxEntryBytes = maxEntryBytes;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
                return size() > InMemoryResponseCache.this.maxEntries;
            }
        };
    }

    @Override
    public synchronized Optional<CachedResponse> get(CacheKey key) {
        Stored entry = entries.get(key.value());
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires)) {
            entries.remove(key.value());
            return Optional.empty();
        }
        return Optional.of(entry.response);
    }

    @Override
    public synchronized boolean put(CacheKey key, CachedResponse response, Duration ttl) {
        if (!response.storable() || response.body().length > maxEntryBytes || ttl.isNegative() || ttl.isZero()) {
            return false;
        }
        entries.put(key.value(), new Stored(response, clock.instant().plus(ttl)));
        return true;
    }

    synchronized int size() {
        return entries.size();
    }

    private record Stored(CachedResponse response, Instant expires) {
    }
}
