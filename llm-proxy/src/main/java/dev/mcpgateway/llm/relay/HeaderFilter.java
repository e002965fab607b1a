package dev.mcpgateway.llm.relay;

import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the proxy. Hop-by-hop headers never do; on the way up the caller's credentials and cookies are
 * dropped too (the backend gets the backend's credential), and Accept-Encoding so that the proxy can read usage.
 */
public final class HeaderFilter {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");

    private static final Set<String> NOT_UPSTREAM = Set.of("authorization", "api-key", "ocp-apim-subscription-key",
            "cookie", "accept-encoding", "x-forwarded-for", "forwarded", "origin", "referer");

    private static final Set<String> NOT_DOWNSTREAM = Set.of("set-cookie", "content-encoding", "server", "date");

    private HeaderFilter() {
    }

    public static boolean forwardUpstream(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !NOT_UPSTREAM.contains(n) && !n.startsWith(":");
    }

    public static boolean forwardDownstream(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !NOT_DOWNSTREAM.contains(n) && !n.startsWith(":");
    }
}
