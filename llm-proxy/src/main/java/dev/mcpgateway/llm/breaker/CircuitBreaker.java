package dev.mcpgateway.llm.breaker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One backend's breaker: closed (counting failures in a fixed window of {@code interval}), open until a deadline,
 * then half-open, letting exactly one probe through whose outcome closes or re-opens it. Plain Java, thread-safe by
 * a monitor (one short critical section per call), clocked by an injectable {@link Clock}.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final BreakerRule rule;
    private final Clock clock;
    private Instant windowStart;
    private int calls;
    private int failures;
    private Instant openUntil;
    private boolean probeInFlight;

    public CircuitBreaker(BreakerRule rule, Clock clock) {
        this.rule = rule;
        this.clock = clock;
        this.windowStart = clock.instant();
    }

    public BreakerRule rule() {
        return rule;
    }

    public synchronized State state() {
        if (openUntil == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openUntil) ? State.OPEN : State.HALF_OPEN;
    }

    /** Whether the balancer may consider this backend now (closed, or half-open with the probe slot free). */
    public synchronized boolean isAvailable() {
        State state = state();
        return state == State.CLOSED || (state == State.HALF_OPEN && !probeInFlight);
    }

    /** Claims the right to send one request; in half-open only the first claimant (the probe) gets it. */
    public synchronized boolean tryAcquire() {
        State state = state();
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.HALF_OPEN && !probeInFlight) {
            probeInFlight = true;
            return true;
        }
        return false;
    }

    /** Records an upstream answer; {@code retryAfter} is the backend's own Retry-After, if it sent one. */
    public synchronized BreakerOutcome onResponse(int status, Optional<Duration> retryAfter) {
        if (rule.isFailure(status)) {
            return onFailure(retryAfter);
        }
        return onSuccess();
    }

    /** Records a transport failure (refused, timeout, reset) named by {@code reason}. */
    public synchronized BreakerOutcome onTransportFailure(String reason) {
        if (!rule.countsReason(reason)) {
            probeInFlight = false;
            return BreakerOutcome.UNCHANGED;
        }
        return onFailure(Optional.empty());
    }

    /** Closes the breaker at once (admin {@code reconnect}). */
    public synchronized void reset() {
        openUntil = null;
        probeInFlight = false;
        startWindow(clock.instant());
    }

    /** When a tripped breaker lets a probe through again; empty while closed. */
    public synchronized Optional<Instant> openUntil() {
        return Optional.ofNullable(openUntil);
    }

    private BreakerOutcome onSuccess() {
        if (openUntil != null) {
            // the half-open probe succeeded
            reset();
            return BreakerOutcome.CLOSED;
        }
        rollWindow();
        calls++;
        return BreakerOutcome.UNCHANGED;
    }

    private BreakerOutcome onFailure(Optional<Duration> retryAfter) {
        Instant now = clock.instant();
        if (openUntil != null) {
            // a failed probe (or a straggler of the tripping burst): stay tripped for another period
            trip(now, retryAfter);
            return BreakerOutcome.TRIPPED;
        }
        rollWindow();
        calls++;
        failures++;
        boolean byCount = rule.failureCount() > 0 && failures >= rule.failureCount();
        boolean byShare = rule.failurePercentage() > 0 && calls >= rule.minimumCalls()
                && failures * 100 >= rule.failurePercentage() * calls;
        if (byCount || byShare) {
            trip(now, retryAfter);
            return BreakerOutcome.TRIPPED;
        }
        return BreakerOutcome.UNCHANGED;
    }

    private void trip(Instant now, Optional<Duration> retryAfter) {
        Duration period = rule.tripDuration();
        if (rule.acceptRetryAfter() && retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            period = asked.compareTo(rule.maxRetryAfter()) > 0 ? rule.maxRetryAfter() : asked;
        }
        openUntil = now.plus(period);
        probeInFlight = false;
        startWindow(now);
    }

    private void rollWindow() {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(rule.interval()))) {
            startWindow(now);
        }
    }

    private void startWindow(Instant now) {
        windowStart = now;
        calls = 0;
        failures = 0;
    }

    /** What a recorded result did to the breaker. */
    public enum BreakerOutcome { UNCHANGED, TRIPPED, CLOSED }
}
