package dev.mcpgateway.auth.harness;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The authorization server on a free loopback port, brokered to an {@link EntraStandIn}, with its own data
 * directory. Two MCP servers are protected: {@code weather} (the default) and {@code tickets}.
 */
public final class AuthServerHarness implements AutoCloseable {

    private final EmbeddedServer server;
    private final EntraStandIn entra;
    private final Path dataDir;
    private final String issuer;

    private AuthServerHarness(Map<String, Object> extra) {
        try {
            this.dataDir = Files.createTempDirectory("auth-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.entra = new EntraStandIn();
        int port = freePort();
        this.issuer = "http://127.0.0.1:" + port;
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("gateway.auth.issuer", issuer);
        properties.put("gateway.auth.data-dir", dataDir.toString());
        properties.put("gateway.auth.secure-cookies", true);
        properties.put("gateway.auth.resources.weather.url", weatherUrl());
        properties.put("gateway.auth.resources.weather.scopes", "mcp:weather,mcp:weather:admin");
        properties.put("gateway.auth.resources.tickets.url", issuer + "/mcp/tickets");
        properties.put("gateway.auth.default-resource", weatherUrl());
        properties.put("gateway.auth.upstream.issuer", entra.issuer());
        properties.put("gateway.auth.upstream.client-id", EntraStandIn.GATEWAY_APP_ID);
        properties.put("gateway.auth.upstream.client-secret", "entra-client-secret");
        properties.put("gateway.auth.upstream.scopes", "api://" + EntraStandIn.GATEWAY_APP_ID + "/.default");
        properties.putAll(extra);
        this.server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    public static AuthServerHarness start() {
        return new AuthServerHarness(Map.of());
    }

    public static AuthServerHarness start(Map<String, Object> extra) {
        return new AuthServerHarness(extra);
    }

    public String issuer() {
        return issuer;
    }

    public String weatherUrl() {
        return issuer + "/mcp/weather";
    }

    public String ticketsUrl() {
        return issuer + "/mcp/tickets";
    }

    public EntraStandIn entra() {
        return entra;
    }

    public Path dataDir() {
        return dataDir;
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public OAuthTestClient client() {
        return new OAuthTestClient(this);
    }

    @Override
    public void close() {
        server.close();
        entra.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
