package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.balance.Pool;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * The session-affinity key of a call: the caller's header value, or the proxy's affinity cookie (issued on the first
 * call of a session). The balancer hashes the key onto the pool's members, so no per-session state is kept.
 */
@Singleton
public class Affinity {

    public Key key(Pool pool, HttpRequest<?> http) {
        return switch (pool.affinity()) {
            case NONE -> new Key(null, Optional.empty());
            case HEADER -> new Key(http.getHeaders().get(pool.affinityName()), Optional.empty());
            case COOKIE -> http.getCookies().findCookie(pool.affinityName())
                    .map(c -> new Key(c.getValue(), Optional.<Cookie>empty()))
                    .orElseGet(() -> {
                        String session = UUID.randomUUID().toString();
                        return new Key(session, Optional.of(Cookie.of(pool.affinityName(), session).httpOnly(true).path("/")));
                    });
        };
    }

    /** The key to hash, and the cookie to set when this call started the session. */
    public record Key(String value, Optional<Cookie> newCookie) {
    }
}
