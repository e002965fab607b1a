package dev.mcpgateway.llm.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * The exact response cache (opt-in per API). A failing cache never fails the request: implementations
 * report a miss and refuse to store rather than throw.
 */
public interface ResponseCache {

    /** The stored response for this key, if one is present and not expired. */
    Optional<CachedResponse> get(CacheKey key);

    /**
     * Stores a response for {@code ttl}.
     *
     * @return false when the response was not stored: an error status, a truncated stream, a body above
     *         the store's size cap, or a failing store
     */
    boolean put(CacheKey key, CachedResponse response, Duration ttl);
}
