package dev.mcpgateway.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.testsupport.ManualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryResponseCacheTest extends ResponseCacheContract {

    private final ManualClock clock = new ManualClock("2026-03-10T12:00:00Z");

    @Override
    ResponseCache cache() {
        return new InMemoryResponseCache(clock, 3, 1024 * 1024);
    }

    @Test
    void anEntryExpiresAfterItsTtl() throws Exception {
        ResponseCache cache = cache();
        CacheKey key = key("tenant-a", "{\"model\":\"gpt-4o\"}");
        cache.put(key, OK, Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.of(OK), cache.get(key));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), cache.get(key));
    }

    @Test
    void holdsAtMostMaxEntriesEvictingTheLeastRecentlyUsed() throws Exception {
        InMemoryResponseCache cache = (InMemoryResponseCache) cache();
        CacheKey a = key("t", "{\"n\":1}");
        CacheKey b = key("t", "{\"n\":2}");
        CacheKey c = key("t", "{\"n\":3}");
        CacheKey d = key("t", "{\"n\":4}");
        cache.put(a, OK, TTL);
        cache.put(b, OK, TTL);
        cache.put(c, OK, TTL);
        cache.get(a);

        assertTrue(cache.put(d, OK, TTL));

        assertEquals(3, cache.size());
        assertEquals(Optional.empty(), cache.get(b));
        assertEquals(Optional.of(OK), cache.get(a));
    }
}
