package dev.mcpgateway.gateway.resource.arm;

/**
 * A value of one resource cannot be worked out (an unsupported template function, a parameter without a value, a
 * reference of the wrong kind). It leaves that resource out; the reason is written for the person importing.
 */
final class UnresolvableException extends Exception {

    private final String reason;
    private final String field;

    UnresolvableException(String reason) {
        this(reason, null);
    }

    private UnresolvableException(String reason, String field) {
        // a report line, never logged: no stack trace to fill
        super(reason, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    /** The same reason, located at {@code field} unless a deeper field was named already. */
    UnresolvableException at(String field) {
        return this.field == null ? new UnresolvableException(reason, field) : this;
    }

    String reason() {
        return field == null ? reason : reason + " (at " + field + ")";
    }
}
