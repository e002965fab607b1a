package dev.mcpgateway.llm.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How one claim-to-product rule reads a token's claims. */
class ProductRuleTest {

    private static ProductRule rule(String claim, String value) {
        return new ProductRule(claim, value, "premium", "llm.auth.product-rules[0]");
    }

    @Test
    void anArrayClaimMatchesWhenAnyElementIsEqual() {
        assertTrue(rule("groups", "g2").matches(Map.of("groups", List.of("g1", "g2"))));
        assertFalse(rule("groups", "g").matches(Map.of("groups", List.of("g1", "g2"))));
    }

    @Test
    void aStringClaimMatchesOnlyWhenEqual() {
        assertTrue(rule("azp", "batch-client").matches(Map.of("azp", "batch-client")));
        assertFalse(rule("azp", "batch").matches(Map.of("azp", "batch-client")));
        assertFalse(rule("tid", "t1").matches(Map.of("tid", "t1 t2")), "only scope claims are split into words");
    }

    @Test
    void scopeAndScpMatchAnyOfTheirSpaceSeparatedWords() {
        assertTrue(rule("scope", "llm:batch").matches(Map.of("scope", "llm  llm:batch")));
        assertTrue(rule("scp", "Files.Read").matches(Map.of("scp", "User.Read Files.Read")));
        assertFalse(rule("scope", "llm:b").matches(Map.of("scope", "llm llm:batch")));
    }

    @Test
    void numbersAndBooleansCompareByTheirTextAndOtherShapesNeverMatch() {
        assertTrue(rule("tier", "3").matches(Map.of("tier", 3L)));
        assertTrue(rule("staff", "true").matches(Map.of("staff", true)));
        assertFalse(rule("org", "x").matches(Map.of("org", Map.of("id", "x"))));
        assertFalse(rule("roles", "admin").matches(Map.of()));
    }

    @Test
    void everyFieldIsRequiredAndTheErrorNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProductRule("roles", " ", "premium", "llm.auth.product-rules[3]"));
        assertEquals("llm.auth.product-rules[3].value: is required", e.getMessage());
    }
}
