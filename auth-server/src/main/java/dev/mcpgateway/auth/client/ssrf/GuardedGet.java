package dev.mcpgateway.auth.client.ssrf;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A GET made on someone else's say-so. Every hop's host is resolved once and every address it resolves to must
 * pass the {@link AddressPolicy} (an attacker controls the order of DNS answers); the connection then goes to the
 * checked address ({@link PinnedFetch}). A redirect is a new hop, checked the same way, up to a bounded count, and
 * never from https down to http.
 * Refusals are {@link FetchRefusedException}s naming the rule; nothing is contacted for a refused hop.
 */
public final class GuardedGet {

    /** The final location and its answer (any status other than a followed redirect). */
    public record Fetched(URI uri, PinnedFetch.Answer answer) {
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final Set<String> schemes;
    private final PinnedFetch fetch;
    private final int maxRedirects;

    /**
     * @param schemes      the URL schemes allowed on every hop ({@code https}, and {@code http} where plain text is
     *                     acceptable)
     * @param maxRedirects how many redirects are followed; 0 refuses any
     */
    public GuardedGet(HostResolver resolver, AddressPolicy policy, Set<String> schemes, PinnedFetch fetch,
                      int maxRedirects) {
        this.resolver = resolver;
        this.policy = policy;
        this.schemes = Set.copyOf(schemes);
        this.fetch = fetch;
        this.maxRedirects = maxRedirects;
    }

    public Fetched get(URI uri, String accept) throws IOException {
        URI hop = uri;
        for (int redirects = 0; ; redirects++) {
            PinnedFetch.Answer answer = fetch.get(hop, checkedAddress(hop), accept);
            if (!REDIRECTS.contains(answer.status())) {
                return new Fetched(hop, answer);
            }
            if (redirects == maxRedirects) {
                throw new FetchRefusedException(maxRedirects == 0 ? "redirects are not followed"
                        : "more than " + maxRedirects + " redirects");
            }
            hop = next(hop, answer.location());
        }
    }

    /**
     * Resolves the host once and returns the address to connect to, or refuses naming the rule: a scheme that is
     * not allowed, credentials in the URL, a host that does not resolve, or any resolved address the policy refuses.
     */
    public InetAddress checkedAddress(URI uri) throws FetchRefusedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new FetchRefusedException("only " + String.join(" or ", schemes.stream().sorted().toList())
                    + " URLs are fetched");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new FetchRefusedException("the URL must name a host and carry no credentials");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(PinnedFetch.bareHost(uri));
        } catch (UnknownHostException e) {
            throw new FetchRefusedException("the host name does not resolve");
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new FetchRefusedException("the host name does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new FetchRefusedException("the host resolves to " + refusal.get()
                        + ", which is not allowed (see the allowed networks setting)");
            }
        }
        return addresses.getFirst();
    }

    private static URI next(URI from, String location) throws FetchRefusedException {
        if (location == null || location.isBlank()) {
            throw new FetchRefusedException("a redirect without a Location");
        }
        URI to;
        try {
            to = from.resolve(new URI(location.strip()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new FetchRefusedException("a redirect to an unusable Location");
        }
        // what was asked for over TLS is not accepted in clear text
        if ("https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(to.getScheme())) {
            throw new FetchRefusedException("a redirect from https to plain http");
        }
        return to;
    }
}
