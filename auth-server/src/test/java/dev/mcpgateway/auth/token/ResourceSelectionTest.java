package dev.mcpgateway.auth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.config.ProtectedResources;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceSelectionTest {

    private static final ProtectedResource SHOP = new ProtectedResource("shop", "https://gw/mcp/shop", List.of());
    private static final ProtectedResource ADMIN = new ProtectedResource("admin", "https://gw/admin",
            List.of("gateway.admin"), List.of("deploy-pipeline"));

    private final ProtectedResources resources = new ProtectedResources() {
        @Override
        public List<ProtectedResource> all() {
            return List.of(SHOP, ADMIN);
        }

        @Override
        public Optional<ProtectedResource> defaultResource() {
            return Optional.of(SHOP);
        }
    };

    @Test
    void aResourceOpenToEveryClientResolvesForAnyOne() {
        assertEquals(Optional.of(SHOP), ResourceSelection.resolve(resources, "https://gw/mcp/shop", "anyone"));
        assertEquals(Optional.of(SHOP), ResourceSelection.resolve(resources, null, "anyone"));
    }

    @Test
    void aResourceKeptForSomeClientsResolvesOnlyForThem() {
        assertEquals(Optional.of(ADMIN), ResourceSelection.resolve(resources, "https://gw/admin", "deploy-pipeline"));
        assertEquals(Optional.empty(), ResourceSelection.resolve(resources, "https://gw/admin", "anyone"));
    }

    @Test
    void anUnknownResourceResolvesForNobody() {
        assertEquals(Optional.empty(), ResourceSelection.resolve(resources, "https://gw/mcp/nope", "deploy-pipeline"));
    }
}
