package dev.mcpgateway.auth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Redirect URI rules. Registration: HTTPS, or HTTP on a loopback host (RFC 8252 7.3); nothing else (no
 * {@code javascript:}, {@code data:}, plain HTTP to a real host, fragments). Matching: exact string comparison,
 * except that a loopback redirect may use any port (native clients bind whatever port is free).
 */
public final class RedirectUris {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "::1", "localhost");

    private RedirectUris() {
    }

    /** Null when acceptable for registration, otherwise why not (for {@code invalid_redirect_uri}). */
    public static String whyNotRegistrable(String uri) {
        URI parsed = parse(uri).orElse(null);
        if (parsed == null || !parsed.isAbsolute() || parsed.getHost() == null) {
            return "redirect URIs must be absolute https:// or loopback http:// URIs";
        }
        if (parsed.getRawFragment() != null) {
            return "redirect URIs must not contain a fragment";
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http") && isLoopbackHost(parsed.getHost())) {
            return null;
        }
        return "redirect URIs must use https, or http only on a loopback address";
    }

    /** The registered URI the requested one matches, if any. */
    public static Optional<String> match(List<String> registered, String requested) {
        if (requested == null) {
            return Optional.empty();
        }
        for (String candidate : registered) {
            if (candidate.equals(requested) || loopbackMatch(candidate, requested)) {
                return Optional.of(requested);
            }
        }
        return Optional.empty();
    }

    private static boolean loopbackMatch(String registered, String requested) {
        URI a = parse(registered).orElse(null);
        URI b = parse(requested).orElse(null);
        if (a == null || b == null || a.getHost() == null || b.getHost() == null) {
            return false;
        }
        return "http".equals(a.getScheme()) && "http".equals(b.getScheme())
                && isLoopbackHost(a.getHost()) && a.getHost().equals(b.getHost())
                && Objects.equals(a.getRawPath(), b.getRawPath())
                && Objects.equals(a.getRawQuery(), b.getRawQuery())
                && a.getRawUserInfo() == null && b.getRawUserInfo() == null
                && b.getRawFragment() == null;
    }

    public static boolean isLoopbackHost(String host) {
        return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /** The host shown on the consent page so the user sees where the code will go. */
    public static String host(String uri) {
        return parse(uri).map(u -> u.getHost() == null ? uri : u.getHost()).orElse(uri);
    }

    private static Optional<URI> parse(String uri) {
        try {
            return Optional.of(new URI(uri));
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
