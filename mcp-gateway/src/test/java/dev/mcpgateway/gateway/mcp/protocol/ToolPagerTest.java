package dev.mcpgateway.gateway.mcp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolPagerTest {

    static List<Tool> tools(int count) {
        List<Tool> tools = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tools.add(Tool.builder("t" + i, Map.of("type", "object")).build());
        }
        return tools;
    }

    @Test
    void theLastPageHasNoCursor() throws Exception {
        ToolPager pager = new ToolPager(2);
        ToolPager.Page first = pager.page(tools(3), null);
        assertEquals(2, first.tools().size());
        ToolPager.Page last = pager.page(tools(3), first.nextCursor());
        assertEquals("t2", last.tools().getFirst().name());
        assertNull(last.nextCursor());
        assertNull(pager.page(tools(2), null).nextCursor());
    }

    @Test
    void aCursorFromBeforeAToolChangeIsRefused() throws Exception {
        ToolPager pager = new ToolPager(2);
        String cursor = pager.page(tools(3), null).nextCursor();
        List<Tool> changed = tools(3);
        changed.set(1, Tool.builder("renamed", Map.of("type", "object")).build());
        McpProtocolException e = assertThrows(McpProtocolException.class, () -> pager.page(changed, cursor));
        assertEquals(-32602, e.code());
    }

    @Test
    void aPageSizeBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new ToolPager(0));
    }
}
