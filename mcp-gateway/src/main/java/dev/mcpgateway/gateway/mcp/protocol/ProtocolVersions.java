package dev.mcpgateway.gateway.mcp.protocol;

import java.util.List;

/** The MCP revisions the gateway speaks and how it picks one for a client. */
public final class ProtocolVersions {

    public static final String V2024_11_05 = "2024-11-05";
    public static final String V2025_03_26 = "2025-03-26";
    public static final String V2025_06_18 = "2025-06-18";
    public static final String V2025_11_25 = "2025-11-25";
    /** The stateless revision: no initialize, no session, version and capabilities in every request's _meta. */
    public static final String V2026_07_28 = "2026-07-28";

    /** Revisions negotiated by {@code initialize} on the Streamable HTTP endpoint, newest first. */
    public static final List<String> SESSION_REVISIONS = List.of(V2025_11_25, V2025_06_18, V2025_03_26);

    /** The legacy HTTP+SSE transport also serves clients that still speak its own revision. */
    public static final List<String> LEGACY_SSE_REVISIONS = List.of(V2025_11_25, V2025_06_18, V2025_03_26, V2024_11_05);

    /** Every revision served on the Streamable HTTP endpoint, as listed to clients in -32022 errors and discover. */
    public static final List<String> ALL = List.of(V2026_07_28, V2025_11_25, V2025_06_18, V2025_03_26);

    /** Assumed when a session request carries no MCP-Protocol-Version header (clients from before 2025-06-18). */
    public static final String DEFAULT_WITHOUT_HEADER = V2025_03_26;

    private ProtocolVersions() {
    }

    /** The client's version when we support it, otherwise our newest: the client then decides whether to go on. */
    public static String negotiate(String requested, List<String> supported) {
        return requested != null && supported.contains(requested) ? requested : supported.getFirst();
    }

    /** Whether a session on this revision may send JSON-RPC batches (allowed only in 2025-03-26). */
    public static boolean allowsBatches(String revision) {
        return V2025_03_26.equals(revision) || V2024_11_05.equals(revision);
    }
}
