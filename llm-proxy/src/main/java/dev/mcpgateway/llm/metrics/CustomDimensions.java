package dev.mcpgateway.llm.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dimensions policies add to the token metrics ({@code llm-emit-token-metric}): label names are checked when a
 * policy is compiled, values are bounded when a call is recorded.
 *
 * <p>A value comes from the caller (a header, a claim), so each label keeps at most {@code maxValues} distinct
 * values (later new ones are recorded as {@value #OTHER}) and values are cut to {@value #MAX_VALUE_LENGTH}
 * characters: a caller cannot blow up the metrics registry.
 */
public final class CustomDimensions {

    /** Custom dimensions one policy may declare, as in APIM. */
    public static final int MAX = 5;
    public static final int DEFAULT_MAX_VALUES = 1000;
    static final String OTHER = "other";
    static final int MAX_VALUE_LENGTH = 128;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** Labels every token metric has, which a policy may give a value but not declare again. */
    public static final Set<String> BUILT_IN = Set.of("api", "operation", "gen_ai_request_model", "product",
            "subscription", "user", "backend", "client_ip");
    /** Labels Prometheus or the token-usage histogram use themselves. */
    private static final Set<String> RESERVED = Set.of("gen_ai_token_type", "le", "quantile");

    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
    private final int maxValues;

    /** @param maxValues distinct values kept per label ({@code llm.metrics.max-dimension-values}) */
    public CustomDimensions(int maxValues) {
        if (maxValues < 1) {
            throw new IllegalArgumentException("llm.metrics.max-dimension-values must be at least 1");
        }
        this.maxValues = maxValues;
    }

    /**
     * Checks a custom label name.
     *
     * @throws IllegalArgumentException saying why the name cannot be a label of its own
     */
    public static void checkName(String name) {
        if (!NAME.matcher(name).matches() || name.startsWith("__") || RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid metric label name");
        }
        if (BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is already a dimension of every token metric");
        }
    }

    /** The value as recorded: cut to length and, past the label's distinct values, {@value #OTHER}. */
    String bounded(String label, String value) {
        if (value == null) {
            return null;
        }
        String v = value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) : value;
        Set<String> known = seen.computeIfAbsent(label, name -> ConcurrentHashMap.newKeySet());
        if (known.contains(v)) {
            return v;
        }
        if (known.size() >= maxValues) {
            return OTHER;
        }
        known.add(v);
        return v;
    }
}
