package dev.mcpgateway.llm.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Key spelling tolerance: {@code trip-duration}, {@code tripDuration} and {@code trip_duration} are one key. */
final class Normalized {

    private Normalized() {
    }

    static Map<String, ?> keys(Map<String, ?> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT), v));
        return out;
    }
}
