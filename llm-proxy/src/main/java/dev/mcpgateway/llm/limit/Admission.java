package dev.mcpgateway.llm.limit;

import java.util.OptionalLong;

/**
 * The limiter's answer to {@link TokenLimiter#admit}: a value the pipeline reacts to, never an exception.
 */
public sealed interface Admission permits Admission.Admitted, Admission.Rejected {

    /** Tokens left in the minute after this decision; empty when the policy has no rate limit. */
    OptionalLong remainingTokens();

    /** Tokens left in the quota period after this decision; empty when the policy has no quota. */
    OptionalLong remainingQuotaTokens();

    /**
     * The request may proceed. The estimate is reserved on every counter of the policy; the pipeline must
     * call {@link TokenLimiter#settle} exactly once when the call ends (with 0 when nothing was consumed,
     * e.g. the backend failed), otherwise the reservation stays charged until its window ends.
     *
     * @param reservation what settle needs to reconcile the right windows
     */
    record Admitted(Reservation reservation, OptionalLong remainingTokens, OptionalLong remainingQuotaTokens)
            implements Admission {
    }

    /**
     * The request must be refused without reaching a backend.
     *
     * @param reason            which limit refused it
     * @param retryAfterSeconds seconds until the refusing window ends (at least 1)
     */
    record Rejected(Reason reason, long retryAfterSeconds, OptionalLong remainingTokens,
                    OptionalLong remainingQuotaTokens) implements Admission {

        /** 429 for the per-minute rate, 403 for the quota, as APIM answers. */
        public int status() {
            return reason == Reason.RATE ? 429 : 403;
        }
    }

    /** Which limit refused a request. */
    enum Reason { RATE, QUOTA }
}
