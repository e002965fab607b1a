package dev.mcpgateway.auth.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the authorization server keeps its state (clients, codes, refresh tokens, consents, keys): string values
 * under a namespace and key, each with an optional time to live. {@link #take} is atomic so that single-use
 * values (codes, refresh tokens, upstream states) can be redeemed once even across gateway instances.
 */
public interface AuthStateStore {

    /** Stores {@code value}; a null {@code ttl} keeps it until deleted. */
    void put(String namespace, String key, String value, Duration ttl);

    Optional<String> get(String namespace, String key);

    /** Removes and returns the value; of two concurrent takers only one gets it. */
    Optional<String> take(String namespace, String key);

    void delete(String namespace, String key);

    /**
     * Every live value of a namespace, in no particular order. For administration (listing clients, a user's
     * consents), never on a request path: it reads the whole namespace.
     */
    List<String> values(String namespace);

    /** Deletes every value of the namespace that {@code matches}; returns how many went. Administration only. */
    int removeIf(String namespace, Predicate<String> matches);
}
