package dev.mcpgateway.gateway.resource;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferencesTest {

    private static final String SERVICE =
            "/subscriptions/x/resourceGroups/r/providers/Microsoft.ApiManagement/service/s";

    @Test
    void readsTheShortForm() {
        assertEquals(Optional.of("b1"), References.idOf("/backends/b1", ResourceKind.BACKENDS, false));
        assertEquals(Optional.of("p1"), References.idOf(" /products/p1/ ", ResourceKind.PRODUCTS, false));
    }

    @Test
    void readsAFullArmId() {
        assertEquals(Optional.of("b1"), References.idOf(SERVICE + "/backends/b1", ResourceKind.BACKENDS, false));
        assertEquals(Optional.of("a1"), References.idOf(SERVICE + "/apis/a1", ResourceKind.APIS, false));
    }

    @Test
    void readsABareNameOnlyWhereOneIsAllowed() {
        assertEquals(Optional.of("b1"), References.idOf("b1", ResourceKind.BACKENDS, true));
        assertEquals(Optional.empty(), References.idOf("b1", ResourceKind.BACKENDS, false));
    }

    @Test
    void readsNothingFromAReferenceToAnotherKind() {
        assertEquals(Optional.empty(), References.idOf("/apis/b1", ResourceKind.BACKENDS, true));
        assertEquals(Optional.empty(), References.idOf(SERVICE + "/products/b1", ResourceKind.BACKENDS, true));
    }

    @Test
    void readsNothingFromBlank() {
        assertEquals(Optional.empty(), References.idOf(null, ResourceKind.BACKENDS, true));
        assertEquals(Optional.empty(), References.idOf("  ", ResourceKind.BACKENDS, true));
    }

    @Test
    void aRequiredReferenceOfTheWrongKindIsRefusedNamingTheFieldAndTheForm() {
        var e = assertRefusedAt("backendId",
                () -> References.require("/apis/a1", ResourceKind.BACKENDS, false, "backendId"));

        assertTrue(e.getMessage().contains("/backends/{id}"), e.getMessage());
    }

    @Test
    void aRequiredReferenceGivesTheId() throws Exception {
        assertEquals("b1", References.require(SERVICE + "/backends/b1", ResourceKind.BACKENDS, false, "backendId"));
    }
}
