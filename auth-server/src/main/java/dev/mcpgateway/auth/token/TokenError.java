package dev.mcpgateway.auth.token;

import com.nimbusds.oauth2.sdk.ErrorObject;

/** A refused token request: the RFC 6749 error and a fixed description safe to show a client. */
public record TokenError(ErrorObject error, String description) {
}
