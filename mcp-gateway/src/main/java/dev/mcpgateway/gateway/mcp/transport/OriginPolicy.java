package dev.mcpgateway.gateway.mcp.transport;

import dev.mcpgateway.gateway.mcp.McpSettings;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DNS-rebinding guard: a browser page may call the MCP endpoints only from an allowed Origin. Requests without
 * an Origin (CLIs, IDEs, server-side agents) are not browser requests and pass.
 */
@Singleton
public class OriginPolicy {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> allowed;
    private final boolean any;
    private final boolean loopback;

    public OriginPolicy(McpSettings settings) {
        this.allowed = settings.getAllowedOrigins().stream().map(OriginPolicy::normalize).collect(Collectors.toSet());
        this.any = allowed.contains("*");
        this.loopback = settings.isAllowLoopbackOrigins();
    }

    public boolean allows(String origin) {
        if (origin == null || any) {
            return true;
        }
        String normalized = normalize(origin);
        if (allowed.contains(normalized)) {
            return true;
        }
        if (!loopback) {
            return false;
        }
        try {
            URI uri = URI.create(normalized);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalize(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
