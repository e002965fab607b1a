package dev.mcpgateway.auth.backend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the current access token of one token source until shortly before it expires. Concurrent callers that find
 * no fresh token wait for a single fetch and all get its result, so a burst of calls costs the token endpoint one
 * request. Shared by every credential that fetches tokens (client credentials, managed identity).
 */
final class TokenCache {

    /** One request for a new token. */
    @FunctionalInterface
    interface Fetch {
        /**
         * @param requestedAt when the request is made, for tokens whose answer gives a lifetime rather than an expiry
         */
        FetchedToken fetch(Instant requestedAt) throws CredentialUnavailableException;
    }

    /** A token as its endpoint issued it; {@code expiresAt} is empty when the answer did not say. */
    record FetchedToken(Secret value, Optional<Instant> expiresAt) {
        FetchedToken {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** How long a token whose answer named no expiry is reused. */
    static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(1);
    /** Refresh this long before expiry at most (half the lifetime for very short-lived tokens). */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private final Fetch fetch;
    private final Clock clock;
    // a lock rather than synchronized: callers run on virtual threads, which must not pin a carrier while waiting
    private final ReentrantLock fetchLock = new ReentrantLock();
    private volatile Cached current;

    TokenCache(Fetch fetch, Clock clock) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The current token, fetching a new one when there is none or it is about to expire. */
    Secret get() throws CredentialUnavailableException {
        Cached token = current;
        if (token != null && token.isFreshAt(clock.instant())) {
            return token.value();
        }
        fetchLock.lock();
        try {
            token = current;
            if (token == null || !token.isFreshAt(clock.instant())) {
                Instant requestedAt = clock.instant();
                FetchedToken fetched = fetch.fetch(requestedAt);
                token = new Cached(fetched.value(), refreshAfter(requestedAt, fetched.expiresAt()));
                current = token;
            }
            return token.value();
        } finally {
            fetchLock.unlock();
        }
    }

    /** Forgets the current token (e.g. after a backend answered 401), so the next call fetches a new one. */
    void invalidate() {
        current = null;
    }

    private static Instant refreshAfter(Instant requestedAt, Optional<Instant> expiresAt) {
        if (expiresAt.isEmpty() || !expiresAt.get().isAfter(requestedAt)) {
            return requestedAt.plus(UNKNOWN_LIFETIME);
        }
        // the lifetime counts from when we asked, not when the answer came, so a slow endpoint never makes us overrun
        Duration lifetime = Duration.between(requestedAt, expiresAt.get());
        Duration margin = lifetime.dividedBy(2).compareTo(REFRESH_MARGIN) < 0 ? lifetime.dividedBy(2) : REFRESH_MARGIN;
        return expiresAt.get().minus(margin);
    }

    private record Cached(Secret value, Instant refreshAfter) {
        boolean isFreshAt(Instant now) {
            return now.isBefore(refreshAfter);
        }
    }
}
