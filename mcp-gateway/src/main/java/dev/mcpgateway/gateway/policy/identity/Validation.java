package dev.mcpgateway.gateway.policy.identity;

/** What checking a call's token found. */
sealed interface Validation {

    /** The token passed every check; the text is the token as the call carried it. */
    record Valid(String token) implements Validation {
    }

    /**
     * The token is absent or fails a check.
     *
     * @param message   why, in words the caller may read (the policy's own words; never the token's)
     * @param presented whether the call carried a token at all
     */
    record Invalid(String message, boolean presented) implements Validation {
    }

    /** An expression of the policy gave a value it cannot use: the call fails as APIM fails it, with 500. */
    record Unusable() implements Validation {
    }
}
