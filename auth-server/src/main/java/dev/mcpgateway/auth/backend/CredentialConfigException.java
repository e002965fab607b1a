package dev.mcpgateway.auth.backend;

/**
 * A configured value is invalid: a credential setting, or a reference that does not resolve. {@link #field()} names
 * the offending key (e.g. {@code credentials.name}); {@link #reason()} says what is wrong with it.
 */
public class CredentialConfigException extends Exception {

    private final String field;
    private final String reason;

    public CredentialConfigException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
