package dev.mcpgateway.gateway.startup;

import dev.mcpgateway.gateway.admin.AdminKey;
import dev.mcpgateway.gateway.catalog.GatewayCatalog;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.TreeSet;

/**
 * Prints, once the server listens, what an operator needs: the MCP URL of every server to paste into a client, and
 * a generated admin key. Printed to the console on purpose, not logged: a key must not end up in log storage.
 */
@Singleton
public final class StartupBanner {

    private final GatewayCatalog catalog;
    private final AdminKey adminKey;
    private final SamplesRuntime samples;

    public StartupBanner(GatewayCatalog catalog, AdminKey adminKey, SamplesRuntime samples) {
        this.catalog = catalog;
        this.adminKey = adminKey;
        this.samples = samples;
    }

    @EventListener
    public void onStartup(ServerStartupEvent event) {
        PrintStream out = System.out;
        String base = "http://localhost:" + event.getSource().getPort();
        out.println();
        out.println("MCP gateway listening on " + base);
        samples.url().ifPresent(url -> out.println("Sample shop API running at " + url));
        TreeSet<String> names = new TreeSet<>(catalog.names());
        if (names.isEmpty()) {
            out.println("No MCP servers yet: add one with PUT " + base + "/admin/mcp-servers/{name}");
        }
        for (String name : names) {
            out.println("MCP server '" + name + "':  " + base + "/mcp/" + name
                    + "   (legacy SSE: " + base + "/mcp/" + name + "/sse)");
        }
        if (adminKey.generated()) {
            out.println("Admin key (generated for this run; set GATEWAY_ADMIN_KEY to choose one): "
                    + adminKey.value().reveal());
        }
        out.println();
    }
}
