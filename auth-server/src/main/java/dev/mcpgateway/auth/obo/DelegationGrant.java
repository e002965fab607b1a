package dev.mcpgateway.auth.obo;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.id.Audience;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * The two ways to get a backend token for the signed-in user from the upstream provider: Entra's on-behalf-of
 * (a JWT bearer grant with {@code requested_token_use=on_behalf_of}) or RFC 8693 token exchange at any OIDC
 * provider that supports it.
 */
public enum DelegationGrant {

    ENTRA_ON_BEHALF_OF {
        @Override
        AuthorizationGrant grant(String upstreamAccessToken, String audience) throws ParseException {
            return new JWTBearerGrant(SignedJWT.parse(upstreamAccessToken));
        }

        @Override
        Map<String, List<String>> extraParameters() {
            return Map.of("requested_token_use", List.of("on_behalf_of"));
        }
    },

    TOKEN_EXCHANGE {
        @Override
        AuthorizationGrant grant(String upstreamAccessToken, String audience) {
            return new TokenExchangeGrant(new TypelessAccessToken(upstreamAccessToken), TokenTypeURI.ACCESS_TOKEN,
                    null, null, TokenTypeURI.ACCESS_TOKEN, audience == null ? null : Audience.create(audience));
        }

        @Override
        Map<String, List<String>> extraParameters() {
            return Map.of();
        }
    };

    abstract AuthorizationGrant grant(String upstreamAccessToken, String audience) throws ParseException;

    abstract Map<String, List<String>> extraParameters();
}
