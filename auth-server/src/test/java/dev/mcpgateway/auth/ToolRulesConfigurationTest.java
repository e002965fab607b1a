package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.auth.resource.ToolAuthorization;
import dev.mcpgateway.auth.resource.ToolAuthorizations;
import dev.mcpgateway.auth.resource.TokenPrincipal;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-tool rules come from configuration, compiled at start-up; a rule for an unknown server names the bad key. */
class ToolRulesConfigurationTest {

    @Test
    void configuredRulesDecideToolVisibilityPerServer() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "gateway.auth.resources.weather.url", "https://gw.example/mcp/weather",
                "gateway.auth.tool-rules[0].server", "weather",
                "gateway.auth.tool-rules[0].tool", "purge_cache",
                "gateway.auth.tool-rules[0].roles", "Weather.Operator"))) {
            ToolAuthorization weather = context.getBean(ToolAuthorizations.class).forServer("weather").orElseThrow();
            TokenPrincipal reader = new TokenPrincipal("u", "c", "https://gw.example/mcp/weather", Set.of("mcp:weather"),
                    List.of(), List.of("Weather.Read"), Map.of());
            assertEquals(List.of("forecast"), weather.visible(reader, List.of("forecast", "purge_cache"), t -> t));
            assertInstanceOf(ToolAuthorization.Decision.Forbidden.class, weather.decide(reader, "purge_cache"));
            assertTrue(context.getBean(ToolAuthorizations.class).forServer("unprotected").isEmpty());
        }
    }

    @Test
    void aRuleForAnUnknownServerFailsStartUpNamingTheKey() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "gateway.auth.resources.weather.url", "https://gw.example/mcp/weather",
                "gateway.auth.tool-rules[0].server", "wether",
                "gateway.auth.tool-rules[0].tool", "purge_cache"))) {
            Exception e = assertThrows(Exception.class, () -> context.getBean(ToolAuthorizations.class));
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().contains("gateway.auth.tool-rules[0]"), root.getMessage());
        }
    }
}
