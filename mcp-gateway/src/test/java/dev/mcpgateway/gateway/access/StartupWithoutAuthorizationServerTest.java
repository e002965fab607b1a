package dev.mcpgateway.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Without an authorization server, servers are open by default, and the start-up log says so by name. */
class StartupWithoutAuthorizationServerTest {

    @Test
    void openServersAreNamedInAWarningAndOAuthServersAreRefused() throws Exception {
        Path dir = Files.createTempDirectory("gw-yml");
        Path yml = dir.resolve("gateway.yml");
        Files.writeString(yml, """
                mcpServers:
                  strict: {apiId: shop, auth: {mode: oauth}}
                """);
        Logger logger = (Logger) LoggerFactory.getLogger(OpenAccessWarning.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try (GatewayFixture gateway = GatewayFixture.start(Files.createTempDirectory("gw-data"),
                Map.of("gateway.config-file", yml.toString(), "gateway.samples", true))) {
            List<String> warnings = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("MCP server 'shop' has no authentication")),
                    warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("MCP server 'strict' requires OAuth")),
                    warnings.toString());

            GatewayFixture.Response open = gateway.send("POST", "/mcp/shop", SecuredGateway.initialize(),
                    Map.of("Accept", SecuredGateway.ACCEPT_BOTH));
            assertEquals(200, open.status(), open.body());
            GatewayFixture.Response strict = gateway.send("POST", "/mcp/strict", SecuredGateway.initialize(),
                    Map.of("Accept", SecuredGateway.ACCEPT_BOTH));
            assertEquals(503, strict.status(), strict.body());
        } finally {
            logger.detachAppender(captured);
        }
    }
}
