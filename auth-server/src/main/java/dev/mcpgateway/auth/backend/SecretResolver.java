package dev.mcpgateway.auth.backend;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the references in a configured value, so gateway.yml, the data directory and admin bodies can hold
 * references instead of secrets: {@code ${NAME}} is the environment variable NAME, {@code {{name}}} the named value
 * name (APIM's syntax). The one resolver for credentials, service URLs and the LLM section alike.
 * <ul>
 *   <li>A value that is one reference (surrounding whitespace aside) becomes the referenced value exactly.</li>
 *   <li>References inside text are replaced where they stand: {@code https://${HOST}/v1}, {@code Bearer {{token}}}.</li>
 *   <li>One pass: a substituted value is never scanned again, so a value that itself contains {@code ${X}} or
 *       {@code {{y}}} is kept as it is.</li>
 *   <li>Only well-formed references count. NAME starts with a letter or underscore, then letters, digits,
 *       underscores or dots; a named value's name is 1 to 256 letters, digits, dots, dashes or underscores (APIM's
 *       rule). Anything else is plain text: <code>${</code> without a closing brace, <code>${}</code>,
 *       <code>{{ }}</code>, <code>{{a b}}</code>.</li>
 *   <li>{@code $${NAME}} is the escape: it stands for the text {@code ${NAME}}. Named values have no escape, as in
 *       APIM.</li>
 *   <li>An unset variable or an unknown named value fails, naming the field and the reference but no value.</li>
 * </ul>
 */
public final class SecretResolver {

    private static final Pattern REFERENCE = Pattern.compile(
            "\\$(?<escape>\\$)?\\{(?<variable>[A-Za-z_][A-Za-z0-9_.]*)}|\\{\\{(?<named>[A-Za-z0-9._-]{1,256})}}");

    private final Function<String, String> environment;
    private final NamedValueSource namedValues;

    /** Resolves {@code ${NAME}} against {@code environment}; there are no named values. */
    public SecretResolver(Function<String, String> environment) {
        this(environment, NamedValueSource.NONE);
    }

    public SecretResolver(Function<String, String> environment, NamedValueSource namedValues) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.namedValues = Objects.requireNonNull(namedValues, "namedValues");
    }

    /** Resolves against the process environment, without named values. */
    public static SecretResolver fromSystemEnvironment() {
        return new SecretResolver(System::getenv);
    }

    /**
     * Resolves one configured secret value.
     *
     * @param field the configuration key, for the error message
     */
    public Secret resolve(String field, String configured) throws CredentialConfigException {
        return Secret.of(resolveText(field, configured));
    }

    /** Resolves a value that is not itself secret (a URL, a client id, a user name) the same way. */
    public String resolveText(String field, String configured) throws CredentialConfigException {
        Matcher whole = REFERENCE.matcher(configured.strip());
        if (whole.matches()) {
            return valueOf(field, whole);
        }
        Matcher matcher = REFERENCE.matcher(configured);
        StringBuilder out = new StringBuilder(configured.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(valueOf(field, matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Whether a value has a reference in it, so its final form is known only once resolved. */
    public static boolean containsReference(String configured) {
        return REFERENCE.matcher(configured).find();
    }

    /**
     * Whether a value is nothing but one reference ({@code {{name}}} or {@code ${NAME}}): it holds no secret itself,
     * so it may be stored and shown as written.
     */
    public static boolean isOnlyReference(String configured) {
        Matcher whole = REFERENCE.matcher(configured.strip());
        return whole.matches() && whole.group("escape") == null;
    }

    private String valueOf(String field, Matcher reference) throws CredentialConfigException {
        String variable = reference.group("variable");
        if (reference.group("escape") != null) {
            return "${" + variable + "}";
        }
        if (variable != null) {
            return Optional.ofNullable(environment.apply(variable)).orElseThrow(() -> new CredentialConfigException(
                    field, "environment variable " + variable + " is not set"));
        }
        String named = reference.group("named");
        return namedValues.value(named).map(Secret::reveal).orElseThrow(() -> new CredentialConfigException(
                field, "named value '" + named + "' does not exist"));
    }
}
