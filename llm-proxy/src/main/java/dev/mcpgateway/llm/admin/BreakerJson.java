package dev.mcpgateway.llm.admin;

import dev.mcpgateway.llm.breaker.BreakerRule;
import io.micronaut.core.convert.ConversionService;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads an admin document's {@code circuitBreaker} map and its durations ({@code 30s}, {@code 2m}, {@code PT30S}). */
final class BreakerJson {

    private BreakerJson() {
    }

    /** Reads the circuit-breaker map (kebab or camel keys); absent = {@link BreakerRule#defaults()}. */
    static BreakerRule breaker(Map<String, ?> raw) {
        if (raw == null || raw.isEmpty()) {
            return BreakerRule.defaults();
        }
        Map<String, ?> m = normalized(raw);
        List<BreakerRule.StatusRange> ranges = strings(m.get("statuscoderanges")).stream()
                .map(BreakerRule.StatusRange::parse).toList();
        return new BreakerRule(
                integer(m.get("failurecount"), m.containsKey("failurepercentage") ? 0 : 1),
                integer(m.get("failurepercentage"), 0),
                integer(m.get("minimumcalls"), 1),
                duration(m.get("interval")),
                ranges,
                strings(m.get("errorreasons")),
                duration(m.get("tripduration")),
                m.get("acceptretryafter") == null || Boolean.parseBoolean(m.get("acceptretryafter").toString()),
                duration(m.get("maxretryafter")));
    }

    /** A duration written {@code 30s}, {@code 2m} or ISO {@code PT30S}; null stays null. */
    static Duration durationOf(String text, String key) {
        try {
            return duration(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " is not a duration (30s, 2m, PT30S): '" + text + "'");
        }
    }

    /** Key spelling tolerance: {@code trip-duration}, {@code tripDuration} and {@code trip_duration} are one key. */
    private static Map<String, ?> normalized(Map<String, ?> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT), v));
        return out;
    }

    private static int integer(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value.toString().trim());
    }

    private static Duration duration(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        if (text.startsWith("P")) {
            return Duration.parse(text);
        }
        return ConversionService.SHARED.convertRequired(text, Duration.class);
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).map(String::trim).toList();
        }
        return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
