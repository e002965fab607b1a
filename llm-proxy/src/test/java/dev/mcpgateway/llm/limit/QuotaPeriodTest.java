package dev.mcpgateway.llm.limit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuotaPeriodTest {

    /** period, now, window start, window end. */
    private static final String[][] CASES = {
        {"Hourly", "2026-03-10T12:34:56Z", "2026-03-10T12:00:00Z", "2026-03-10T13:00:00Z"},
        {"Daily", "2026-03-10T23:59:59Z", "2026-03-10T00:00:00Z", "2026-03-11T00:00:00Z"},
        {"Weekly", "2026-03-15T10:00:00Z", "2026-03-09T00:00:00Z", "2026-03-16T00:00:00Z"},
        {"Weekly", "2026-03-09T00:00:00Z", "2026-03-09T00:00:00Z", "2026-03-16T00:00:00Z"},
        {"Monthly", "2024-02-29T18:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"},
        {"Yearly", "2026-12-31T23:59:59Z", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"},
    };

    @Test
    void windowsStartAtTheUtcTruncatedBoundary() {
        assertAll(Arrays.stream(CASES).map(c -> () -> {
            QuotaPeriod p = QuotaPeriod.parse(c[0]);
            assertEquals(Instant.parse(c[2]), p.windowStart(Instant.parse(c[1])), c[0] + " at " + c[1]);
            assertEquals(Instant.parse(c[3]), p.windowEnd(Instant.parse(c[1])), c[0] + " at " + c[1]);
            assertEquals(c[0], p.apimName());
        }));
    }

    @Test
    void anUnknownPeriodIsRefusedNamingTheAttribute() {
        for (String value : new String[] {"Fortnightly", "", null}) {
            var e = assertThrows(IllegalArgumentException.class, () -> QuotaPeriod.parse(value));
            assertTrue(e.getMessage().startsWith("token-quota-period"), e.getMessage());
        }
    }
}
