package dev.mcpgateway.auth.admin;

import dev.mcpgateway.auth.client.ClientRegistry;
import dev.mcpgateway.auth.consent.ConsentRecords;
import dev.mcpgateway.auth.consent.ConsentRecords.Consent;
import dev.mcpgateway.auth.keys.SigningKeys;
import dev.mcpgateway.auth.token.AuthorizationCodes;
import dev.mcpgateway.auth.token.Grant;
import dev.mcpgateway.auth.token.RefreshTokens;
import dev.mcpgateway.auth.token.Revocations;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an operator may do to the authorization server's state: list and delete clients, list and withdraw a user's
 * consents, rotate the signing key. Each removal takes the tokens that hang on it: a deleted client's refresh tokens
 * and pending codes go, their families are revoked, and every access token issued to it is refused; a withdrawn
 * consent revokes the refresh tokens (and their access tokens) the user granted that client. Plain Java: the
 * gateway's {@code /admin} routes render it. Works on any {@code AuthStateStore}.
 */
public final class AuthAdministration {

    /** What a deletion or withdrawal took with it. */
    public record Removal(int grantFamiliesRevoked, int consentsWithdrawn) {
    }

    private final ClientRegistry registry;
    private final ConsentRecords consents;
    private final RefreshTokens refreshTokens;
    private final AuthorizationCodes codes;
    private final Revocations revocations;
    private final SigningKeys keys;
    private final Clock clock;

    public AuthAdministration(ClientRegistry registry, ConsentRecords consents, RefreshTokens refreshTokens,
                              AuthorizationCodes codes, Revocations revocations, SigningKeys keys, Clock clock) {
        this.registry = registry;
        this.consents = consents;
        this.refreshTokens = refreshTokens;
        this.codes = codes;
        this.revocations = revocations;
        this.keys = keys;
        this.clock = clock;
    }

    public List<ClientSummary> clients() {
        return registry.all().stream().map(ClientSummary::of).toList();
    }

    public Optional<ClientSummary> client(String clientId) {
        return registry.find(clientId).map(ClientSummary::of);
    }

    /** Deletes a registered client and everything issued to it; empty when no such client is registered. */
    public Optional<Removal> deleteClient(String clientId) {
        if (registry.find(clientId).isEmpty()) {
            return Optional.empty();
        }
        // tokens first, registration last: a client mid-refresh must not slip a new token in between
        revocations.revokeClient(clientId, clock.instant());
        Predicate<Grant> issuedToIt = grant -> clientId.equals(grant.clientId());
        int families = refreshTokens.revokeWhere(issuedToIt) + codes.revokeWhere(issuedToIt);
        int withdrawn = consents.withdrawAllFor(clientId);
        registry.delete(clientId);
        return Optional.of(new Removal(families, withdrawn));
    }

    public List<Consent> consents(String subject) {
        return consents.forSubject(subject);
    }

    /** Withdraws a user's consent to a client and revokes what it granted; empty when there was none. */
    public Optional<Removal> withdrawConsent(String subject, String clientId) {
        Optional<Consent> withdrawn = consents.withdraw(subject, clientId);
        if (withdrawn.isEmpty()) {
            return Optional.empty();
        }
        Predicate<Grant> underIt = grant -> clientId.equals(grant.clientId())
                && subject.equals(grant.identity().subject());
        int families = refreshTokens.revokeWhere(underIt) + codes.revokeWhere(underIt);
        return Optional.of(new Removal(families, 1));
    }

    public List<SigningKeys.KeyInfo> signingKeys() {
        return keys.describe();
    }

    /** A new signing key signs from now on; the old ones stay in the JWKS until the tokens they signed expire. */
    public List<SigningKeys.KeyInfo> rotateSigningKey() {
        keys.rotateNow();
        return keys.describe();
    }
}
