package dev.mcpgateway.auth.authorize;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import java.net.URI;

/** Redirects back to the client, always with the RFC 9207 {@code iss} parameter so mix-up attacks are caught. */
public final class AuthorizationResponses {

    private AuthorizationResponses() {
    }

    public static URI success(String issuer, String redirectUri, String code, String state) {
        return new AuthorizationSuccessResponse(URI.create(redirectUri), new AuthorizationCode(code), null,
                state == null ? null : new State(state), new Issuer(issuer), ResponseMode.QUERY).toURI();
    }

    public static URI error(String issuer, String redirectUri, ErrorObject error, String state) {
        return new AuthorizationErrorResponse(URI.create(redirectUri), error,
                state == null ? null : new State(state), new Issuer(issuer), ResponseMode.QUERY).toURI();
    }
}
