package dev.mcpgateway.llm.metrics;

import dev.mcpgateway.llm.usage.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token and latency metrics of the LLM proxy. Prometheus names (Micrometer dots become underscores):
 * <ul>
 *   <li>{@code llm_tokens_prompt_total}, {@code llm_tokens_completion_total}, {@code llm_tokens_total_total},
 *       {@code llm_tokens_cached_total}, {@code llm_tokens_reasoning_total}: counters with every dimension</li>
 *   <li>{@code llm_tokens_estimated_tokens_total}: the part of the total the gateway estimated because the backend
 *       reported no usage (a stream without its usage chunk, a whole answer without {@code usage})</li>
 *   <li>{@code gen_ai_client_token_usage} (OpenTelemetry GenAI): histogram of tokens per call, tagged
 *       {@code gen_ai_token_type} = {@code input} | {@code output}</li>
 *   <li>{@code gen_ai_server_request_duration_seconds}, {@code gen_ai_server_time_to_first_token_seconds}:
 *       the backend call and the first streamed chunk, as the gateway observes them</li>
 *   <li>{@code llm_gateway_added_latency_seconds}: time the gateway itself adds (total minus backend)</li>
 *   <li>{@code llm_policy_rate_limited_total} (our token limit refused) vs
 *       {@code llm_provider_rate_limited_total} (a backend answered 429)</li>
 * </ul>
 * Dimensions: {@code api, operation, gen_ai_request_model, product, subscription, user, backend, client_ip}
 * and the custom ones policies add ({@code llm-emit-token-metric}, {@link CustomDimensions}). Prometheus wants one
 * label set per metric, so the custom labels are every name a policy has given so far: a call that brings a new one
 * adds it to every metric, whose series then start over (once per new name).
 */
public final class TokenMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(TokenMetrics.class);
    private static final Set<String> NAMES = Set.of("llm.tokens.prompt", "llm.tokens.completion", "llm.tokens.total",
            "llm.tokens.cached", "llm.tokens.reasoning", "llm.tokens.estimated", "gen_ai.client.token.usage",
            "gen_ai.server.request.duration", "gen_ai.server.time_to_first_token", "llm.gateway.added_latency",
            "llm.policy_rate_limited", "llm.provider_rate_limited");

    /** OpenTelemetry's advised bucket boundaries for gen_ai.client.token.usage. */
    private static final double[] TOKEN_BUCKETS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144,
        1048576, 4194304, 16777216, 67108864};
    private static final Duration[] DURATION_BUCKETS = durations(0.001, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16,
            0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

    /** Bound on the cached meter sets; past it the cache starts over (the registry keeps the meters). */
    private static final int MAX_CACHED = 10_000;

    private final MeterRegistry registry;
    private final CustomDimensions custom;
    private volatile Labels labels = new Labels(List.of());

    public TokenMetrics(MeterRegistry registry, CustomDimensions custom) {
        this.registry = registry;
        this.custom = custom;
    }

    /**
     * The custom labels, with the meters of each set of dimensions: building tags and looking meters up in the
     * registry costs more per call than the proxy's own work, and a call's dimensions repeat, so each set's meters
     * are found once.
     */
    private record Labels(List<String> names, Map<TokenMetricDimensions, Meters> meters) {
        Labels(List<String> names) {
            this(names, new ConcurrentHashMap<>());
        }
    }

    /** The call's dimensions with the labels its policies gave, each value bounded ({@link CustomDimensions}). */
    public TokenMetricDimensions withPolicyLabels(TokenMetricDimensions base, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return base;
        }
        Map<String, String> bounded = new HashMap<>();
        labels.forEach((label, value) -> bounded.put(label, custom.bounded(label, value)));
        return base.with(bounded);
    }

    /** Records the tokens of one call, as the backend reported them. */
    public void recordUsage(TokenMetricDimensions d, Usage usage) {
        recordUsage(d, usage, false);
    }

    /**
     * Records the tokens of one call.
     *
     * @param estimated true when the backend reported no usage and the gateway counted it (prompt estimate plus
     *                  the generated text): those tokens are also added to {@code llm.tokens.estimated}, so
     *                  dashboards can tell how much of the total is an estimate
     */
    public void recordUsage(TokenMetricDimensions d, Usage usage, boolean estimated) {
        if (estimated) {
            // rare, so looked up per call: the series exists only where estimates were made
            increment(counter("llm.tokens.estimated", "Tokens counted by the gateway for calls that reported no usage",
                    "tokens", d), usage.totalTokens());
        }
        Meters m = meters(d);
        increment(m.prompt, usage.promptTokens());
        increment(m.completion, usage.completionTokens());
        increment(m.total, usage.totalTokens());
        increment(m.cached, usage.cachedTokens());
        increment(m.reasoning, usage.reasoningTokens());
        m.input.record(usage.promptTokens());
        m.output.record(usage.completionTokens());
    }

    /** The backend call's duration, first byte sent to last byte received. */
    public void recordRequestDuration(TokenMetricDimensions d, Duration duration) {
        meters(d).requestDuration.record(duration);
    }

    /** Time from sending a streamed request to receiving its first chunk. */
    public void recordTimeToFirstToken(TokenMetricDimensions d, Duration duration) {
        meters(d).timeToFirstToken.record(duration);
    }

    /** Latency the gateway adds on top of the backend (policy, routing, relay). */
    public void recordAddedLatency(TokenMetricDimensions d, Duration duration) {
        meters(d).addedLatency.record(duration);
    }

    /** Our token limit refused the call (429 rate or 403 quota). */
    public void policyRateLimited(TokenMetricDimensions d) {
        counter("llm.policy_rate_limited", "Calls refused by a limit policy", null, d).increment();
    }

    /** A backend answered 429. */
    public void providerRateLimited(TokenMetricDimensions d) {
        counter("llm.provider_rate_limited", "Calls a backend answered with 429", null, d).increment();
    }

    /** A counter looked up per call (for the rare events), registered under the current labels. */
    private synchronized Counter counter(String name, String description, String unit, TokenMetricDimensions d) {
        return Counter.builder(name).description(description).baseUnit(unit).tags(tags(labels(d).names(), d))
                .register(registry);
    }

    private Meters meters(TokenMetricDimensions d) {
        Meters m = labels(d).meters().get(d);
        if (m == null) {
            // registering waits for a new label to be added, so no meter is ever registered with the old label set
            synchronized (this) {
                Labels current = labels(d);
                if (current.meters().size() >= MAX_CACHED) {
                    current.meters().clear();
                }
                m = current.meters().computeIfAbsent(d, dims -> register(current.names(), dims));
            }
        }
        return m;
    }

    /** The labels, grown when the call brings a custom dimension not seen before. */
    private Labels labels(TokenMetricDimensions d) {
        Labels current = labels;
        if (current.names().containsAll(d.custom().keySet())) {
            return current;
        }
        synchronized (this) {
            current = labels;
            if (!current.names().containsAll(d.custom().keySet())) {
                TreeSet<String> names = new TreeSet<>(current.names());
                names.addAll(d.custom().keySet());
                registry.getMeters().stream().filter(meter -> NAMES.contains(meter.getId().getName()))
                        .forEach(registry::remove);
                current = new Labels(List.copyOf(names));
                labels = current;
                LOG.info("Token metrics now have the custom dimensions {}; their series start over", names);
            }
            return current;
        }
    }

    private Meters register(List<String> names, TokenMetricDimensions d) {
        Tags tags = tags(names, d);
        return new Meters(count("llm.tokens.prompt", "Prompt (input) tokens", tags),
                count("llm.tokens.completion", "Completion (output) tokens", tags),
                count("llm.tokens.total", "Total tokens", tags),
                count("llm.tokens.cached", "Prompt tokens served from the provider's cache", tags),
                count("llm.tokens.reasoning", "Completion tokens spent on reasoning", tags),
                tokenUsage(tags, "input"), tokenUsage(tags, "output"),
                timer("gen_ai.server.request.duration", "Backend request duration", tags),
                timer("gen_ai.server.time_to_first_token", "Time to the first streamed chunk", tags),
                timer("llm.gateway.added_latency", "Latency added by the gateway", tags));
    }

    /** The meters of one set of dimensions. */
    private record Meters(Counter prompt, Counter completion, Counter total, Counter cached, Counter reasoning,
                          DistributionSummary input, DistributionSummary output, Timer requestDuration,
                          Timer timeToFirstToken, Timer addedLatency) {
    }

    private static void increment(Counter counter, long amount) {
        if (amount > 0) {
            counter.increment(amount);
        }
    }

    private Counter count(String name, String description, Tags tags) {
        return Counter.builder(name).description(description).baseUnit("tokens").tags(tags).register(registry);
    }

    private DistributionSummary tokenUsage(Tags tags, String type) {
        // No base unit: OpenTelemetry's unit is "{token}", an annotation its Prometheus mapping drops, so
        // dashboards built for OTel GenAI metrics find gen_ai_client_token_usage_* under this exact name.
        return DistributionSummary.builder("gen_ai.client.token.usage").description("Tokens used per call")
                .serviceLevelObjectives(TOKEN_BUCKETS)
                .tags(tags.and("gen_ai.token.type", type)).register(registry);
    }

    private Timer timer(String name, String description, Tags tags) {
        return Timer.builder(name).description(description).serviceLevelObjectives(DURATION_BUCKETS)
                .tags(tags).register(registry);
    }

    private static Tags tags(List<String> customNames, TokenMetricDimensions d) {
        Tags tags = Tags.of(
                "api", v(d.api()), "operation", v(d.operation()), "gen_ai.request.model", v(d.model()),
                "product", v(d.product()), "subscription", v(d.subscription()), "user", v(d.user()),
                "backend", v(d.backend()), "client_ip", v(d.clientIp()));
        for (String name : customNames) {
            tags = tags.and(name, v(d.custom().get(name)));
        }
        return tags;
    }

    private static String v(String value) {
        return value == null || value.isEmpty() ? "none" : value;
    }

    private static Duration[] durations(double... seconds) {
        Duration[] out = new Duration[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            out[i] = Duration.ofNanos((long) (seconds[i] * 1e9));
        }
        return out;
    }
}
