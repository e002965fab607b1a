package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mcpgateway.auth.harness.LocalTokens;
import dev.mcpgateway.auth.resource.BearerChallenge;
import dev.mcpgateway.auth.resource.ProtectedResourceMetadata;
import dev.mcpgateway.auth.resource.TokenCheck;
import dev.mcpgateway.auth.resource.ToolAuthorization;
import dev.mcpgateway.auth.resource.ToolRule;
import dev.mcpgateway.auth.resource.TokenPrincipal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checklist 13 and per-tool authorization: a valid token lacking scopes gets 403 {@code insufficient_scope} naming
 * the scopes to step up to; a client without scope for a tool neither lists nor calls it.
 */
class Item13InsufficientScopeTest {

    private final LocalTokens tokens = new LocalTokens();
    private final String prm = ProtectedResourceMetadata.metadataUrlFor(LocalTokens.WEATHER);

    @Test
    void validTokenWithoutTheScopeGets403WithStepUpChallenge() {
        String token = tokens.token("alice", LocalTokens.WEATHER, List.of("mcp:weather"));
        TokenCheck check = tokens.validator().check("Bearer " + token, LocalTokens.WEATHER,
                List.of("mcp:weather", "mcp:weather:admin"));
        assertInstanceOf(TokenCheck.InsufficientScope.class, check);
        assertEquals(403, BearerChallenge.statusFor(check));
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"mcp:weather mcp:weather:admin\", resource_metadata=\""
                + prm + "\"", BearerChallenge.forCheck(check, prm, List.of("mcp:weather")));
    }

    @Test
    void aClientWithoutScopeForAToolNeitherListsNorCallsIt() {
        ToolAuthorization rules = new ToolAuthorization(List.of("mcp:weather"), List.of(
                new ToolRule("purge_cache", List.of("mcp:weather:admin"), List.of(), List.of()),
                new ToolRule("station_maintenance", List.of(), List.of("Weather.Operator"), List.of("g-ops"))));
        TokenPrincipal reader = principal(List.of("mcp:weather"), List.of("Weather.Read"), List.of("g-readers"));

        assertEquals(List.of("get_forecast"),
                rules.visible(reader, List.of("get_forecast", "purge_cache", "station_maintenance"), t -> t));
        ToolAuthorization.Decision purge = rules.decide(reader, "purge_cache");
        assertEquals(List.of("mcp:weather", "mcp:weather:admin"),
                assertInstanceOf(ToolAuthorization.Decision.NeedsScopes.class, purge).requiredScopes());
        assertInstanceOf(ToolAuthorization.Decision.Forbidden.class, rules.decide(reader, "station_maintenance"));
    }

    @Test
    void roleOrGroupMembershipOpensARestrictedTool() {
        ToolAuthorization rules = new ToolAuthorization(List.of("mcp:weather"), List.of(
                new ToolRule("station_maintenance", List.of(), List.of("Weather.Operator"), List.of("g-ops"))));
        assertInstanceOf(ToolAuthorization.Decision.Allowed.class,
                rules.decide(principal(List.of("mcp:weather"), List.of("Weather.Operator"), List.of()), "station_maintenance"));
        assertInstanceOf(ToolAuthorization.Decision.Allowed.class,
                rules.decide(principal(List.of("mcp:weather"), List.of(), List.of("g-ops")), "station_maintenance"));
    }

    @Test
    void withoutTheServerScopeNoToolIsVisible() {
        ToolAuthorization rules = new ToolAuthorization(List.of("mcp:weather"), List.of());
        assertEquals(List.of(), rules.visible(principal(List.of("mcp:tickets"), List.of(), List.of()),
                List.of("get_forecast"), t -> t));
    }

    private static TokenPrincipal principal(List<String> scopes, List<String> roles, List<String> groups) {
        return new TokenPrincipal("alice", "client-1", LocalTokens.WEATHER, java.util.Set.copyOf(scopes), groups, roles,
                java.util.Map.of());
    }
}
