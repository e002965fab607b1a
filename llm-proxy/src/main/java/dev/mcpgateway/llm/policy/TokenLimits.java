package dev.mcpgateway.llm.policy;

import dev.mcpgateway.llm.consumer.Consumer;
import dev.mcpgateway.llm.error.OpenAiError;
import dev.mcpgateway.llm.error.OpenAiErrorException;
import dev.mcpgateway.llm.limit.Admission;
import dev.mcpgateway.llm.limit.LimitHeaders;
import dev.mcpgateway.llm.limit.RequestAttributes;
import dev.mcpgateway.llm.limit.Reservation;
import dev.mcpgateway.llm.limit.Settlement;
import dev.mcpgateway.llm.limit.TokenLimitPolicy;
import dev.mcpgateway.llm.limit.TokenLimiter;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured {@code llm.token-limits}, applied to a call: admission on every applicable policy (all or none:
 * a refusal by one releases what the others reserved), then one settlement per admission when the call ends.
 * The limiter (in memory, or Redis when {@code redis.uri} is set) is created at start-up, and only when a limit is
 * configured. Compiled eagerly ({@code @Context}) so that a bad policy fails the start naming its key.
 */
@Context
public class TokenLimits {

    private final List<ScopedLimit> limits = new ArrayList<>();
    private final BeanProvider<TokenLimiter> limiter;

    public TokenLimits(List<TokenLimitProperties> configured, BeanProvider<TokenLimiter> limiter) {
        this.limiter = limiter;
        for (TokenLimitProperties p : configured) {
            try {
                limits.add(new ScopedLimit(p.getName(), TokenLimitPolicy.fromAttributes(p.attributes()),
                        p.getProducts(), p.getDeployments()));
            } catch (RuntimeException e) {
                throw new IllegalStateException("llm.token-limits." + p.getName() + ": " + e.getMessage(), e);
            }
        }
        if (!limits.isEmpty()) {
            // created at start-up when limits exist: a Redis that cannot be reached fails the start, not a call
            limiter.get();
        }
    }

    public List<ScopedLimit> applicable(Consumer consumer, String deployment) {
        if (limits.isEmpty()) {
            return List.of();
        }
        return limits.stream().filter(l -> l.appliesTo(consumer, deployment)).toList();
    }

    /**
     * Admits the call on every policy, or throws the refusal (429 rate / 403 quota with Retry-After).
     *
     * @param estimate the prompt estimate, used by policies that estimate and always for streams
     */
    public Held admit(List<ScopedLimit> applicable, RequestAttributes request, long estimate, boolean stream) {
        List<Reservation> reservations = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (ScopedLimit limit : applicable) {
            TokenLimitPolicy policy = limit.policy();
            long reserve = policy.estimatePromptTokens() || stream ? estimate : 0;
            Admission admission = limiter.get().admit(policy.counterKey().evaluate(request), policy, reserve);
            if (admission instanceof Admission.Rejected rejected) {
                reservations.forEach(r -> limiter.get().settle(r, 0));
                throw new OpenAiErrorException(rejected.reason() == Admission.Reason.RATE
                        ? new OpenAiError(429, "Token limit is exceeded. Try again in " + rejected.retryAfterSeconds()
                                + " seconds.", "rate_limit_error", null, "token_limit_exceeded")
                        : new OpenAiError(403, "Token quota is exceeded. Try again in " + rejected.retryAfterSeconds()
                                + " seconds.", "insufficient_quota", null, "token_quota_exceeded"),
                        LimitHeaders.onReject(policy, rejected));
            }
            Admission.Admitted admitted = (Admission.Admitted) admission;
            reservations.add(admitted.reservation());
            headers.putAll(LimitHeaders.onAdmit(policy, admitted));
        }
        return new Held(reservations, headers);
    }

    /** Settles every reservation with what the call consumed; returns the headers known after the call. */
    public Map<String, String> settle(Held held, long consumedTokens) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Reservation r : held.reservations()) {
            Settlement s = limiter.get().settle(r, consumedTokens);
            headers.putAll(LimitHeaders.onSettle(r.policy(), s));
        }
        return headers;
    }

    /** What an admitted call holds on the counters, and the headers admission produced. */
    public record Held(List<Reservation> reservations, Map<String, String> headers) {
        public static final Held NOTHING = new Held(List.of(), Map.of());

        public boolean isEmpty() {
            return reservations.isEmpty();
        }
    }
}
