package dev.mcpgateway.auth.discovery;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.URL;
import java.time.Duration;

/**
 * Another server's signing keys, read from its JWKS over HTTP: cached, fetched again when a token names a key id
 * the cache lacks (that is how a rotated key is found), never more than twice in {@link #MIN_FETCH_INTERVAL} so that
 * tokens with made-up key ids cannot make us hammer the server, and with timeouts and a size cap on every fetch.
 */
public final class RemoteKeySets {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);
    static final Duration MIN_FETCH_INTERVAL = Duration.ofSeconds(10);
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(15);
    private static final int TIMEOUT_MS = 5_000;
    private static final int SIZE_LIMIT = 512 * 1024;

    private RemoteKeySets() {
    }

    public static JWKSource<SecurityContext> at(URL jwksUrl) {
        return JWKSourceBuilder.create(jwksUrl, new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, SIZE_LIMIT))
                .cache(TIME_TO_LIVE.toMillis(), REFRESH_TIMEOUT.toMillis())
                .rateLimited(MIN_FETCH_INTERVAL.toMillis())
                .build();
    }
}
