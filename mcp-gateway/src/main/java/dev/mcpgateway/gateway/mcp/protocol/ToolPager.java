package dev.mcpgateway.gateway.mcp.protocol;

import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Pages a tool list with opaque cursors. A cursor names the offset and a fingerprint of the list it was cut from,
 * so a cursor from before a tool change is refused (-32602) instead of silently skipping or repeating tools.
 */
final class ToolPager {

    private final int pageSize;

    ToolPager(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("gateway.mcp.page-size must be at least 1, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    record Page(List<Tool> tools, String nextCursor) {
    }

    Page page(List<Tool> all, String cursor) throws McpProtocolException {
        int fingerprint = fingerprint(all);
        int offset = cursor == null ? 0 : decode(cursor, fingerprint, all.size());
        int end = Math.min(all.size(), offset + pageSize);
        String next = end < all.size() ? encode(end, fingerprint) : null;
        return new Page(all.subList(offset, end), next);
    }

    private static int fingerprint(List<Tool> tools) {
        int hash = 1;
        for (Tool tool : tools) {
            hash = 31 * hash + tool.name().hashCode();
        }
        return hash;
    }

    private static String encode(int offset, int fingerprint) {
        String raw = offset + ":" + Integer.toHexString(fingerprint);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor, int fingerprint, int size) throws McpProtocolException {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            int offset = Integer.parseInt(raw.substring(0, colon));
            if (!raw.substring(colon + 1).equals(Integer.toHexString(fingerprint)) || offset < 0 || offset > size) {
                throw new McpProtocolException(JsonRpcErrors.INVALID_PARAMS,
                        "Invalid cursor: the tool list changed, list again from the start");
            }
            return offset;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new McpProtocolException(JsonRpcErrors.INVALID_PARAMS, "Invalid cursor");
        }
    }
}
