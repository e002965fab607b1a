package dev.mcpgateway.auth.backend;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a configured value into a {@link Secret}: a value of the form {@code ${NAME}} is read from the environment
 * (so gateway.yml and the data directory can hold references instead of secrets), anything else is taken literally.
 */
public final class SecretResolver {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");

    private final Function<String, String> environment;

    public SecretResolver(Function<String, String> environment) {
        this.environment = environment;
    }

    /** Resolves against the process environment. */
    public static SecretResolver fromSystemEnvironment() {
        return new SecretResolver(System::getenv);
    }

    /**
     * Resolves one configured value.
     *
     * @param field the configuration key, for the error message
     */
    public Secret resolve(String field, String configured) throws CredentialConfigException {
        return Secret.of(resolveText(field, configured));
    }

    /** Resolves a value that is not itself secret (a client id, a user name) the same way. */
    public String resolveText(String field, String configured) throws CredentialConfigException {
        Matcher matcher = REFERENCE.matcher(configured.strip());
        if (!matcher.matches()) {
            return configured;
        }
        String name = matcher.group(1);
        return Optional.ofNullable(environment.apply(name))
                .orElseThrow(() -> new CredentialConfigException(field,
                        "environment variable " + name + " is not set"));
    }
}
