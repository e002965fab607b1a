package dev.mcpgateway.auth.consent;

import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Consents by user and client, recorded server-side once the upstream login names the user. Each browser that gave
 * the consent holds a cookie naming one of the record's {@code consentIds}; an index maps that id back to the
 * record, so {@code /authorize} can ask whether the consent still stands before skipping the consent page.
 */
public final class ConsentRecords {

    private static final String NAMESPACE = "consent";
    private static final String BY_ID = "consent-id";
    // one id per browser that consented; older ones fall off (that browser sees the consent page again)
    private static final int MAX_IDS = 20;

    /** What a user allowed a client, and when; {@code consentIds} are the browsers' remembered consents. */
    public record Consent(String subject, String clientId, String resource, List<String> scopes, long grantedAt,
                          List<String> consentIds) {

        public Consent {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            consentIds = consentIds == null ? List.of() : List.copyOf(consentIds);
        }
    }

    private final AuthStateStore store;
    private final Duration lifetime;

    public ConsentRecords(AuthStateStore store, Duration lifetime) {
        this.store = store;
        this.lifetime = lifetime;
    }

    /** Records (or renews) the user's consent; {@code consentId} is the browser's, null when it has none. */
    public void record(String subject, String clientId, String resource, List<String> scopes, long grantedAt,
                       String consentId) {
        List<String> ids = new ArrayList<>(find(subject, clientId).map(Consent::consentIds).orElse(List.of()));
        if (consentId != null && !ids.contains(consentId)) {
            ids.add(consentId);
            store.put(BY_ID, consentId, key(subject, clientId), lifetime);
        }
        while (ids.size() > MAX_IDS) {
            store.delete(BY_ID, ids.removeFirst());
        }
        store.put(NAMESPACE, key(subject, clientId), Json.write(new Consent(subject, clientId, resource, scopes,
                grantedAt, ids)), lifetime);
    }

    public Optional<Consent> find(String subject, String clientId) {
        return store.get(NAMESPACE, key(subject, clientId)).map(json -> Json.read(json, Consent.class));
    }

    /** True while the consent a browser remembers under {@code consentId} has not been withdrawn. */
    public boolean stands(String consentId) {
        return store.get(BY_ID, consentId)
                .map(k -> k.split("\n", 2))
                .filter(parts -> parts.length == 2)
                .flatMap(parts -> find(parts[0], parts[1]))
                .filter(consent -> consent.consentIds().contains(consentId))
                .isPresent();
    }

    /** A user's consents, by client id. Reads every consent record: for administration only. */
    public List<Consent> forSubject(String subject) {
        return store.values(NAMESPACE).stream().map(json -> Json.read(json, Consent.class))
                .filter(c -> subject.equals(c.subject()))
                .sorted(Comparator.comparing(Consent::clientId))
                .toList();
    }

    /** Withdraws the consent; every browser remembering it sees the consent page again. */
    public Optional<Consent> withdraw(String subject, String clientId) {
        Optional<Consent> taken = store.take(NAMESPACE, key(subject, clientId)).map(json -> Json.read(json, Consent.class));
        taken.ifPresent(consent -> consent.consentIds().forEach(id -> store.delete(BY_ID, id)));
        return taken;
    }

    /** Withdraws every user's consent to a client (the client is being deleted); returns how many went. */
    public int withdrawAllFor(String clientId) {
        store.removeIf(BY_ID, k -> k.endsWith("\n" + clientId) && k.split("\n", 2)[1].equals(clientId));
        return store.removeIf(NAMESPACE, json -> clientId.equals(Json.read(json, Consent.class).clientId()));
    }

    private static String key(String subject, String clientId) {
        return subject + "\n" + clientId;
    }
}
