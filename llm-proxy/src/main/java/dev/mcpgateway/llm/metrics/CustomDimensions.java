package dev.mcpgateway.llm.metrics;

import dev.mcpgateway.llm.limit.CounterKey;
import dev.mcpgateway.llm.limit.RequestAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The operator's custom metric dimensions ({@code llm.metrics.dimensions.<name>: <expression>}), at most five, each
 * valued per call by an expression in the counter-key language ({@code {header:X}}, {@code {claim:x}},
 * {@code {subscription}}, {@code {client-ip}}, literals, combinations). Compiled once; a bad name or expression
 * fails the start naming its key.
 *
 * <p>A label value comes from the caller (a header, a claim), so each dimension keeps at most
 * {@code maxValues} distinct values (later new ones are recorded as {@value #OTHER}) and values are cut to
 * {@value #MAX_VALUE_LENGTH} characters: a caller cannot blow up the metrics registry.
 */
public final class CustomDimensions {

    public static final String PREFIX = "llm.metrics.dimensions";
    public static final int MAX = 5;
    public static final int DEFAULT_MAX_VALUES = 1000;
    static final String OTHER = "other";
    static final int MAX_VALUE_LENGTH = 128;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** Labels every token metric already has, and the ones Prometheus reserves. */
    private static final Set<String> TAKEN = Set.of("api", "operation", "gen_ai_request_model", "product",
            "subscription", "user", "backend", "client_ip", "gen_ai_token_type", "le", "quantile");

    public static final CustomDimensions NONE = new CustomDimensions(List.of(), Map.of(), DEFAULT_MAX_VALUES);

    private final List<String> names;
    private final Map<String, CounterKey> expressions;
    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
    private final int maxValues;

    private CustomDimensions(List<String> names, Map<String, CounterKey> expressions, int maxValues) {
        this.names = names.stream().sorted().toList();
        this.expressions = expressions;
        this.maxValues = maxValues;
        expressions.keySet().forEach(name -> seen.put(name, ConcurrentHashMap.newKeySet()));
    }

    /**
     * @param declared  dimension name to expression, as configured
     * @param maxValues distinct values kept per dimension
     * @throws IllegalArgumentException naming the key ({@code llm.metrics.dimensions.<name>}) of a bad entry
     */
    public static CustomDimensions compile(Map<String, String> declared, int maxValues) {
        if (declared.size() > MAX) {
            throw new IllegalArgumentException(PREFIX + ": at most " + MAX + " custom dimensions, not "
                    + declared.size() + " " + declared.keySet());
        }
        if (maxValues < 1) {
            throw new IllegalArgumentException("llm.metrics.max-dimension-values must be at least 1");
        }
        Map<String, CounterKey> compiled = new LinkedHashMap<>();
        declared.forEach((name, expression) -> {
            String key = PREFIX + "." + name;
            checkName(key, name);
            try {
                compiled.put(name, CounterKey.compile(expression));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage().replace("counter-key", "expression"), e);
            }
        });
        return new CustomDimensions(List.copyOf(compiled.keySet()), Map.copyOf(compiled), maxValues);
    }

    /** Dimensions without expressions: whoever records a metric supplies their values (unit tests, embedders). */
    public static CustomDimensions named(List<String> names) {
        if (names.size() > MAX) {
            throw new IllegalArgumentException(PREFIX + ": at most " + MAX + " custom dimensions, not " + names.size());
        }
        names.forEach(name -> checkName(PREFIX + "." + name, name));
        return new CustomDimensions(names, Map.of(), DEFAULT_MAX_VALUES);
    }

    private static void checkName(String key, String name) {
        if (!NAME.matcher(name).matches() || name.startsWith("__")) {
            throw new IllegalArgumentException(key + ": '" + name + "' is not a valid metric label name");
        }
        if (TAKEN.contains(name)) {
            throw new IllegalArgumentException(key + ": '" + name + "' is already a dimension of every token metric");
        }
    }

    /** The label names, sorted: the same on every series. */
    public List<String> names() {
        return names;
    }


    /** Each dimension's value for this call; an expression that renders nothing gives the empty string. */
    public Map<String, String> values(RequestAttributes request) {
        if (expressions.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        expressions.forEach((name, expression) -> values.put(name, bounded(name, expression.evaluate(request))));
        return values;
    }

    private String bounded(String name, String value) {
        String v = value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) : value;
        Set<String> known = seen.get(name);
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
