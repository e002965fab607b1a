package dev.mcpgateway.gateway.resource.types;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.admin;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedValueResourceTypeTest {

    private final NamedValueResourceType type = new NamedValueResourceType();

    private ObjectNode normalise(String properties) throws InvalidDefinitionException {
        return type.normalise("nv1", json(properties), ResourceSet.empty(), null);
    }

    @Test
    void isNotSecretUnlessSaidSo() throws Exception {
        assertEquals(json("{value: 'x', secret: false}"), normalise("{value: 'x'}"));
        assertEquals(json("{displayName: 'X', value: '${TOKEN}', secret: true, tags: ['a']}"),
                normalise("{displayName: 'X', value: '${TOKEN}', secret: true, tags: ['a']}"));
    }

    @Test
    void hidesTheValueOfASecretOnly() {
        assertEquals(List.of("/value"),
                type.secretPointers(admin(ResourceKind.NAMED_VALUES, "nv1", "{value: 'x', secret: true}")));
        assertEquals(List.of(),
                type.secretPointers(admin(ResourceKind.NAMED_VALUES, "nv1", "{value: 'x', secret: false}")));
    }

    @Test
    void refusesAKeyVaultReference() {
        assertRefusedAt("keyVault", () -> normalise("{keyVault: {secretIdentifier: 'https://v.vault.azure.net/x'}}"));
    }

    @Test
    void refusesEachBadFieldNamingIt() {
        assertRefusedAt("value", () -> normalise("{secret: true}"));
        assertRefusedAt("value", () -> normalise("{value: 42}"));
        assertRefusedAt("secret", () -> normalise("{value: 'x', secret: 'yes'}"));
        assertRefusedAt("tags", () -> normalise("{value: 'x', tags: 'a'}"));
        assertRefusedAt("colour", () -> normalise("{value: 'x', colour: 'red'}"));
    }
}
