package dev.mcpgateway.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.policy.engine.PolicyEngine;
import dev.mcpgateway.gateway.policy.xml.CatalogEntry;
import dev.mcpgateway.gateway.policy.xml.PolicyCatalog;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog says what a document may hold; the factories are what the engine applies. They are the same set, so a
 * document the catalog accepts is never refused later for want of a factory, and no factory compiles an element the
 * catalog refuses or plans.
 */
class SupportedPoliciesAreAppliedTest {

    @TempDir
    Path dataDir;

    @Test
    void everySupportedPolicyHasItsFactoryAndNoOtherHasOne() {
        Set<String> supported = PolicyCatalog.entries().stream().filter(CatalogEntry.Supported.class::isInstance)
                .map(CatalogEntry::name).filter(name -> !name.equals("base"))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Object> properties = Map.of("gateway.data-dir", dataDir.toString(), "gateway.admin.key",
                GatewayFixture.ADMIN_KEY);
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            assertEquals(supported, new TreeSet<>(context.getBean(PolicyEngine.class).elements()));
        }
    }
}
