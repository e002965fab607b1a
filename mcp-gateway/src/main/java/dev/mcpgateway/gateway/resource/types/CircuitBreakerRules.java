package dev.mcpgateway.gateway.resource.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.llm.breaker.BreakerRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A backend's {@code circuitBreaker.rules} in APIM's form: one rule with a {@code failureCondition} (a
 * {@code count} or a {@code percentage} of failures within an {@code interval}, failures being the
 * {@code statusCodeRanges} and {@code errorReasons}), a {@code tripDuration}, and {@code acceptRetryAfter}.
 */
public final class CircuitBreakerRules {

    private static final Set<String> RULE = Set.of("name", "failureCondition", "tripDuration", "acceptRetryAfter");
    private static final Set<String> CONDITION = Set.of("count", "percentage", "interval", "statusCodeRanges",
            "errorReasons", "minimumCalls");

    private CircuitBreakerRules() {
    }

    static void check(ObjectNode backend) throws InvalidDefinitionException {
        ObjectNode breaker = Fields.object(backend, "circuitBreaker", "");
        if (breaker == null) {
            return;
        }
        Fields.known(breaker, Set.of("rules"), "circuitBreaker.");
        JsonNode rules = breaker.get("rules");
        if (!(rules instanceof ArrayNode list) || list.size() != 1 || !(list.get(0) instanceof ObjectNode rule)) {
            throw new InvalidDefinitionException("circuitBreaker.rules", "must hold exactly one rule (as in APIM)");
        }
        String at = "circuitBreaker.rules[0].";
        Fields.known(rule, RULE, at);
        Fields.text(rule, "name", at);
        Fields.duration(rule, "tripDuration", at);
        Fields.bool(rule, "acceptRetryAfter", at);
        ObjectNode condition = Fields.object(rule, "failureCondition", at);
        if (condition == null) {
            throw new InvalidDefinitionException(at + "failureCondition", "is required");
        }
        String c = at + "failureCondition.";
        Fields.known(condition, CONDITION, c);
        Integer count = Fields.integer(condition, "count", 1, 1_000_000, c);
        Integer percentage = Fields.integer(condition, "percentage", 1, 100, c);
        if (count == null && percentage == null) {
            throw new InvalidDefinitionException(c + "count", "a failure condition needs count or percentage");
        }
        Fields.integer(condition, "minimumCalls", 1, 1_000_000, c);
        Fields.duration(condition, "interval", c);
        JsonNode ranges = condition.get("statusCodeRanges");
        if (ranges != null && !ranges.isNull() && !ranges.isArray()) {
            throw new InvalidDefinitionException(c + "statusCodeRanges", "must be a list of {min, max}");
        }
        if (ranges != null && ranges.isArray()) {
            for (int i = 0; i < ranges.size(); i++) {
                String r = c + "statusCodeRanges[" + i + "]";
                if (!(ranges.get(i) instanceof ObjectNode range)) {
                    throw new InvalidDefinitionException(r, "must be an object {min, max}");
                }
                Fields.known(range, Set.of("min", "max"), r + ".");
                Integer min = Fields.integer(range, "min", 100, 599, r + ".");
                Integer max = Fields.integer(range, "max", 100, 599, r + ".");
                if (min == null || max == null || min > max) {
                    throw new InvalidDefinitionException(r, "needs min and max, min <= max, within 100-599");
                }
            }
        }
        JsonNode reasons = condition.get("errorReasons");
        if (reasons != null && !reasons.isNull() && !reasons.isArray()) {
            throw new InvalidDefinitionException(c + "errorReasons", "must be a list of strings");
        }
    }

    /** The runtime rule of a checked backend; the default rule when it has none. */
    public static BreakerRule compile(ObjectNode backend) {
        JsonNode rule = backend.path("circuitBreaker").path("rules").path(0);
        if (rule.isMissingNode()) {
            return BreakerRule.defaults();
        }
        JsonNode condition = rule.path("failureCondition");
        List<BreakerRule.StatusRange> ranges = new ArrayList<>();
        condition.path("statusCodeRanges").forEach(r -> ranges.add(new BreakerRule.StatusRange(r.path("min").asInt(),
                r.path("max").asInt())));
        List<String> reasons = new ArrayList<>();
        condition.path("errorReasons").forEach(r -> reasons.add(r.asText()));
        return new BreakerRule(condition.path("count").asInt(0), condition.path("percentage").asInt(0),
                condition.path("minimumCalls").asInt(1), duration(condition.path("interval")), ranges, reasons,
                duration(rule.path("tripDuration")), rule.path("acceptRetryAfter").asBoolean(false), null);
    }

    private static Duration duration(JsonNode text) {
        return text.isTextual() ? Duration.parse(text.asText().strip().toUpperCase(java.util.Locale.ROOT)) : null;
    }
}
