package dev.mcpgateway.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every response cache store must do. */
abstract class ResponseCacheContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TTL = Duration.ofMinutes(5);
    static final CachedResponse OK = response(200, "{\"id\":\"chatcmpl-1\",\"choices\":[]}", true);

    /** A fresh, empty store with room for at least a few entries of a few KiB. */
    abstract ResponseCache cache();

    @Test
    void returnsTheStoredResponseByteForByte() throws Exception {
        ResponseCache cache = cache();
        CacheKey key = key("tenant-a", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        CachedResponse stream = response(200, "data: {\"choices\":[]}\n\ndata: [DONE]\n\n", true);

        assertTrue(cache.put(key, stream, TTL));

        assertEquals(Optional.of(stream), cache.get(key));
        assertEquals("text/event-stream", cache.get(key).orElseThrow().contentType());
    }

    @Test
    void aMissIsEmpty() throws Exception {
        assertEquals(Optional.empty(), cache().get(key("tenant-a", "{\"model\":\"gpt-4o\"}")));
    }

    @Test
    void neverStoresErrors() throws Exception {
        ResponseCache cache = cache();
        CacheKey key = key("tenant-a", "{\"model\":\"gpt-4o\"}");

        assertFalse(cache.put(key, response(429, "{\"error\":{}}", true), TTL));
        assertFalse(cache.put(key, response(500, "{\"error\":{}}", true), TTL));
        assertFalse(cache.put(key, response(400, "{\"error\":{}}", true), TTL));

        assertEquals(Optional.empty(), cache.get(key));
    }

    @Test
    void neverStoresATruncatedStream() throws Exception {
        ResponseCache cache = cache();
        CacheKey key = key("tenant-a", "{\"model\":\"gpt-4o\",\"stream\":true}");

        assertFalse(cache.put(key, response(200, "data: {\"choices\":[]}\n\n", false), TTL));

        assertEquals(Optional.empty(), cache.get(key));
    }

    @Test
    void tenantsNeverSeeEachOthersEntries() throws Exception {
        ResponseCache cache = cache();
        String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        cache.put(key("tenant-a", body), OK, TTL);

        assertEquals(Optional.empty(), cache.get(key("tenant-b", body)));
    }

    @Test
    void aBodyAboveTheSizeCapIsNotStored() throws Exception {
        ResponseCache cache = cache();
        CacheKey key = key("tenant-a", "{\"model\":\"gpt-4o\"}");

        assertFalse(cache.put(key, response(200, "x".repeat(2 * 1024 * 1024), true), TTL));
        assertEquals(Optional.empty(), cache.get(key));
    }

    static CacheKey key(String partition, String body) throws Exception {
        return CacheKey.of(partition, "gpt-4o", JSON.readTree(body));
    }

    static CachedResponse response(int status, String body, boolean complete) {
        String type = body.startsWith("data:") ? "text/event-stream" : "application/json";
        return new CachedResponse(status, type, body.getBytes(StandardCharsets.UTF_8), complete);
    }
}
