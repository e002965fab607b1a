package dev.mcpgateway.auth.backend;

import java.util.Optional;

/**
 * Where {@code {{name}}} references get their values: the gateway's named values (APIM's term), literal, from the
 * environment or from a file. A secret named value is handed out only as a {@link Secret}, so it stays hidden in
 * logs and messages until the one place that puts it on the wire.
 */
@FunctionalInterface
public interface NamedValueSource {

    /** No named values: every {@code {{name}}} reference fails as unknown. */
    NamedValueSource NONE = name -> Optional.empty();

    /** The value of the named value {@code name}, or empty when there is none by that name. */
    Optional<Secret> value(String name);
}
