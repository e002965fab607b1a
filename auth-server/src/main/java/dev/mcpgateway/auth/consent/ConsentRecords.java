package dev.mcpgateway.auth.consent;

import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Consents by user and client, recorded server-side once the upstream login names the user. */
public final class ConsentRecords {

    private static final String NAMESPACE = "consent";

    /** What a user allowed a client, and when. */
    public record Consent(String subject, String clientId, String resource, List<String> scopes, long grantedAt) {
    }

    private final AuthStateStore store;
    private final Duration lifetime;

    public ConsentRecords(AuthStateStore store, Duration lifetime) {
        this.store = store;
        this.lifetime = lifetime;
    }

    public void record(Consent consent) {
        store.put(NAMESPACE, key(consent.subject(), consent.clientId()), Json.write(consent), lifetime);
    }

    public Optional<Consent> find(String subject, String clientId) {
        return store.get(NAMESPACE, key(subject, clientId)).map(json -> Json.read(json, Consent.class));
    }

    public void withdraw(String subject, String clientId) {
        store.delete(NAMESPACE, key(subject, clientId));
    }

    private static String key(String subject, String clientId) {
        return subject + "\n" + clientId;
    }
}
