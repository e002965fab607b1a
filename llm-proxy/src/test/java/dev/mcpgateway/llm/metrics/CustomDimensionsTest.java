package dev.mcpgateway.llm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.limit.RequestAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Custom metric dimensions compiled from counter-key expressions: values per call, bounds, errors naming the key. */
class CustomDimensionsTest {

    private record Request(String subscription, Map<String, String> headers, Map<String, String> claims)
            implements RequestAttributes {
        @Override
        public Optional<String> subscriptionId() {
            return Optional.ofNullable(subscription);
        }

        @Override
        public Optional<String> clientIp() {
            return Optional.of("192.0.2.9");
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        @Override
        public Optional<String> jwtClaim(String name) {
            return Optional.ofNullable(claims.get(name));
        }
    }

    private static String error(Map<String, String> declared) {
        return assertThrows(IllegalArgumentException.class,
                () -> CustomDimensions.compile(declared, 1000)).getMessage();
    }

    @Test
    void eachDimensionIsValuedByItsExpressionOverTheRequest() {
        CustomDimensions dims = CustomDimensions.compile(Map.of("team", "{header:x-team}",
                "tenant", "{claim:tid}", "where", "{subscription}@{client-ip}"), 1000);

        Map<String, String> values = dims.values(new Request("sub-1", Map.of("x-team", "search"), Map.of("tid", "t-42")));

        assertEquals(Map.of("team", "search", "tenant", "t-42", "where", "sub-1@192.0.2.9"), values);
        assertEquals(List.of("team", "tenant", "where"), dims.names());
    }

    @Test
    void aMissingValueRendersEmpty() {
        CustomDimensions dims = CustomDimensions.compile(Map.of("team", "{header:x-team}"), 1000);

        assertEquals(Map.of("team", ""), dims.values(new Request(null, Map.of(), Map.of())));
    }

    @Test
    void newValuesPastTheCapAreRecordedAsOtherAndLongValuesAreCut() {
        CustomDimensions dims = CustomDimensions.compile(Map.of("team", "{header:x-team}"), 2);
        assertEquals("a", dims.values(new Request(null, Map.of("x-team", "a"), Map.of())).get("team"));
        assertEquals("b", dims.values(new Request(null, Map.of("x-team", "b"), Map.of())).get("team"));

        assertEquals("other", dims.values(new Request(null, Map.of("x-team", "c"), Map.of())).get("team"));
        assertEquals("a", dims.values(new Request(null, Map.of("x-team", "a"), Map.of())).get("team"), "known values stay");

        CustomDimensions wide = CustomDimensions.compile(Map.of("team", "{header:x-team}"), 10);
        assertEquals(CustomDimensions.MAX_VALUE_LENGTH,
                wide.values(new Request(null, Map.of("x-team", "x".repeat(1000)), Map.of())).get("team").length());
    }

    @Test
    void moreThanFiveIsRefused() {
        Map<String, String> six = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            six.put("d" + i, "{subscription}");
        }
        assertTrue(error(six).startsWith("llm.metrics.dimensions: at most 5"), error(six));
    }

    @Test
    void aBadExpressionOrNameIsNamedByItsKey() {
        assertTrue(error(Map.of("team", "{nope}")).startsWith("llm.metrics.dimensions.team: "),
                error(Map.of("team", "{nope}")));
        assertTrue(error(Map.of("team", " ")).startsWith("llm.metrics.dimensions.team: "));
        assertTrue(error(Map.of("bad-name", "{subscription}")).startsWith("llm.metrics.dimensions.bad-name: "));
        assertTrue(error(Map.of("backend", "{subscription}")).contains("already a dimension"));
    }
}
