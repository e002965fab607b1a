package dev.mcpgateway.llm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The custom dimensions policies give the token metrics: label names checked, caller-chosen values bounded. */
class CustomDimensionsTest {

    @Test
    void newValuesPastTheCapAreRecordedAsOtherAndLongValuesAreCut() {
        CustomDimensions dims = new CustomDimensions(2);
        assertEquals("a", dims.bounded("team", "a"));
        assertEquals("b", dims.bounded("team", "b"));

        assertEquals("other", dims.bounded("team", "c"));
        assertEquals("a", dims.bounded("team", "a"), "known values stay");
        assertEquals("c", dims.bounded("env", "c"), "each label has its own values");

        assertEquals(CustomDimensions.MAX_VALUE_LENGTH, new CustomDimensions(10).bounded("team", "x".repeat(1000))
                .length());
    }

    @Test
    void aNameThatIsNoLabelOrAlreadyABuiltInOneIsRefused() {
        assertTrue(message("bad-name").contains("not a valid metric label name"));
        assertTrue(message("le").contains("not a valid metric label name"));
        assertTrue(message("backend").contains("already a dimension"));
    }

    @Test
    void keepingNoValuesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CustomDimensions(0));
    }

    private static String message(String name) {
        return assertThrows(IllegalArgumentException.class, () -> CustomDimensions.checkName(name)).getMessage();
    }
}
