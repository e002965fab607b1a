package dev.mcpgateway.auth.consent;

import dev.mcpgateway.auth.authorize.PendingAuthorization;
import dev.mcpgateway.auth.store.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The browser side of consent (checklist 25): a CSRF cookie paired with a per-request token in the form, and one
 * remembered-consent cookie per client, signed and carrying the client id, resource and scopes so it can never be
 * replayed for another client, and the id of the consent it stands for: the server keeps that consent per user, so
 * withdrawing it (admin API) makes the cookie worthless and the consent page appears again. Names use the {@code __Host-} prefix (Secure, Path=/, no Domain), HttpOnly and
 * SameSite=Lax.
 */
public final class ConsentCookies {

    private final CookieSigner signer;
    private final Clock clock;
    private final Duration remember;
    private final boolean secure;

    public ConsentCookies(CookieSigner signer, Clock clock, Duration remember, boolean secure) {
        this.signer = signer;
        this.clock = clock;
        this.remember = remember;
        this.secure = secure;
    }

    public String csrfCookieName() {
        return prefix() + "mcpgw-csrf";
    }

    public String consentCookieName(String clientId) {
        return prefix() + "mcpgw-consent-" + Hashing.sha256Hex(clientId).substring(0, 16);
    }

    /** The form token for one pending request, derived from the browser's CSRF cookie. */
    public String csrfToken(String csrfCookie, String pendingId) {
        return signer.sign("csrf|" + csrfCookie + "|" + pendingId);
    }

    public boolean csrfValid(String csrfCookie, String pendingId, String formToken) {
        return csrfCookie != null && formToken != null
                && signer.verify("csrf|" + csrfCookie + "|" + pendingId, formToken);
    }

    /** The remembered-consent cookie value for this client, resource, scopes and consent id. */
    public String consentValue(PendingAuthorization pending) {
        long expiry = clock.instant().plus(remember).getEpochSecond();
        String payload = String.join("\n", pending.clientId(), pending.resource(),
                String.join(" ", pending.scopes()), Long.toString(expiry), pending.consentId());
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + signer.sign(encoded);
    }

    /**
     * The id of the consent this browser already gave to this client, resource and (at least) these scopes, if its
     * cookie says so; whether that consent still stands is the server's to say ({@link ConsentRecords#stands}).
     */
    public Optional<String> rememberedConsent(Map<String, String> cookies, PendingAuthorization pending) {
        return Optional.ofNullable(cookies.get(consentCookieName(pending.clientId()))).flatMap(v -> parse(v, pending));
    }

    private Optional<String> parse(String value, PendingAuthorization pending) {
        int dot = value.indexOf('.');
        if (dot < 0 || !signer.verify(value.substring(0, dot), value.substring(dot + 1))) {
            return Optional.empty();
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // cookies from before consent ids (4 parts) no longer count: the consent page is shown once more
        if (parts.length != 5 || parts[4].isEmpty()) {
            return Optional.empty();
        }
        Set<String> scopes = new HashSet<>(Arrays.asList(parts[2].split(" ")));
        boolean covers = parts[0].equals(pending.clientId()) && parts[1].equals(pending.resource())
                && scopes.containsAll(pending.scopes())
                && Long.parseLong(parts[3]) > clock.instant().getEpochSecond();
        return covers ? Optional.of(parts[4]) : Optional.empty();
    }

    /** A {@code Set-Cookie} header value with the attributes consent cookies must have. */
    public String setCookie(String name, String value, Duration maxAge) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }

    public Duration remember() {
        return remember;
    }

    private String prefix() {
        // __Host- is only honoured by browsers on Secure cookies; plain-HTTP development drops it
        return secure ? "__Host-" : "";
    }
}
