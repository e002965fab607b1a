package dev.mcpgateway.gateway.mcp.session.redis;

/**
 * The Redis keys and channels of MCP sessions, all under one prefix ({@code gateway.mcp.redis-key-prefix}).
 * Scripts touch keys of several sessions (the session index), so they assume one Redis (or a primary with
 * replicas), not Redis Cluster.
 */
record SessionKeys(String prefix) {

    /** The session's hash: its data, event and stream counters, and the holder of its standalone stream. */
    String session(String id) {
        return prefix + "s:" + id;
    }

    /** Open ("o") or closed ("c") state of each request stream of a session. */
    String streamStates(String id) {
        return prefix + "s:" + id + ":st";
    }

    /** Request stream ids in creation order, to forget the oldest finished ones. */
    String streamOrder(String id) {
        return prefix + "s:" + id + ":so";
    }

    /** Prefix of a session's event lists, one per stream: append the stream id. */
    String eventsBase(String id) {
        return prefix + "s:" + id + ":e:";
    }

    String events(String id, String streamId) {
        return eventsBase(id) + streamId;
    }

    /** Every live session, scored by the time it expires: counts against {@code max-sessions}. */
    String index() {
        return prefix + "index";
    }

    /** Prefix of the per-server session sets: append the server name. */
    String serverBase() {
        return prefix + "server:";
    }

    String server(String serverName) {
        return serverBase() + serverName;
    }

    /** The tool list fingerprint last announced to a server's sessions. */
    String announced(String serverName) {
        return prefix + "announced:" + serverName;
    }

    /** Where a session's stream events are published, for the instance holding a connection to it. */
    String channel(String id) {
        return prefix + "ev:" + id;
    }

    /** Session-wide control messages every instance hears: a session ended, a call was cancelled. */
    String control() {
        return prefix + "control";
    }
}
