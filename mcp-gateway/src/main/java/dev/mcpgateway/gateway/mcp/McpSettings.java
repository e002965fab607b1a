package dev.mcpgateway.gateway.mcp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * Limits and policies of the MCP endpoints, bound from {@code gateway.mcp.*}. Every value has a bounded default so an
 * unconfigured gateway is safe to expose.
 */
@ConfigurationProperties(McpSettings.PREFIX)
public interface McpSettings {

    String PREFIX = "gateway.mcp";
    int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    int DEFAULT_MAX_EVENT_BYTES = 4 * 1024 * 1024;
    int DEFAULT_PAGE_SIZE = 100;
    String DEFAULT_SESSION_IDLE_TIMEOUT = "30m";
    int DEFAULT_RESUMPTION_BUFFER = 64;
    long DEFAULT_LIST_TTL_MS = 60_000;
    String DEFAULT_KEEP_ALIVE_INTERVAL = "20s";
    int DEFAULT_MAX_SESSIONS = 10_000;
    String DEFAULT_RESUMPTION_MAX_AGE = "10m";
    String DEFAULT_REDIS_KEY_PREFIX = "mcpgw:mcp:";

    /**
     * Origins (scheme://host[:port]) browsers may call the MCP endpoints from, besides loopback origins; {@code *}
     * allows any. A request without an Origin header (non-browser clients) is always allowed.
     */
    @Nullable
    List<String> getAllowedOrigins();

    /** Whether browser pages served from localhost / 127.0.0.1 / [::1] may call the endpoints. */
    @Bindable(defaultValue = "true")
    boolean isAllowLoopbackOrigins();

    /** Largest JSON-RPC request body accepted; larger ones get 413. */
    @Bindable(defaultValue = "" + DEFAULT_MAX_REQUEST_BYTES)
    int getMaxRequestBytes();

    /** Largest single SSE event; a bigger message is replaced by a JSON-RPC error for the request it answers. */
    @Bindable(defaultValue = "" + DEFAULT_MAX_EVENT_BYTES)
    int getMaxEventBytes();

    /** How many tools one {@code tools/list} page holds. */
    @Bindable(defaultValue = "" + DEFAULT_PAGE_SIZE)
    int getPageSize();

    /** A session unused for this long is forgotten (its next request gets 404 and the client re-initializes). */
    @Bindable(defaultValue = DEFAULT_SESSION_IDLE_TIMEOUT)
    Duration getSessionIdleTimeout();

    /** How many sessions (all servers, both transports) may live at once; beyond, new ones get 503. */
    @Bindable(defaultValue = "" + DEFAULT_MAX_SESSIONS)
    int getMaxSessions();

    /** How many events of each SSE stream are kept for {@code Last-Event-ID} resumption. */
    @Bindable(defaultValue = "" + DEFAULT_RESUMPTION_BUFFER)
    int getResumptionBuffer();

    /**
     * How long stream events stay replayable when sessions are shared through Redis (the in-memory store bounds
     * them by count only).
     */
    @Bindable(defaultValue = DEFAULT_RESUMPTION_MAX_AGE)
    Duration getResumptionMaxAge();

    /** Where shared sessions live in Redis ({@code gateway.store.type: redis}). */
    @Bindable(defaultValue = DEFAULT_REDIS_KEY_PREFIX)
    String getRedisKeyPrefix();

    /** The {@code ttlMs} hint on stateless (2026-07-28) list and discover results. */
    @Bindable(defaultValue = "" + DEFAULT_LIST_TTL_MS)
    long getListTtlMs();

    /**
     * How often an open SSE stream gets a comment line when nothing else is sent, so proxies and the server's own
     * idle timeout do not cut a quiet GET or listen stream.
     */
    @Bindable(defaultValue = DEFAULT_KEEP_ALIVE_INTERVAL)
    Duration getKeepAliveInterval();
}
