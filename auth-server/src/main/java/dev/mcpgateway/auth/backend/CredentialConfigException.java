package dev.mcpgateway.auth.backend;

/** A credential configuration is invalid; {@link #field()} names the offending key (e.g. {@code credentials.name}). */
public class CredentialConfigException extends Exception {

    private final String field;

    public CredentialConfigException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
