package dev.mcpgateway.auth.metadata;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import dev.mcpgateway.auth.config.ProtectedResources;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The RFC 8414 document (also served as OIDC discovery). S256 is the only PKCE method advertised, and the RFC 9207
 * {@code iss} response parameter is announced because every redirect carries it.
 */
public final class AuthorizationServerMetadataDocument {

    private AuthorizationServerMetadataDocument() {
    }

    public static Map<String, Object> build(String issuer, ProtectedResources resources, boolean oidc) {
        AuthorizationServerMetadata metadata = new AuthorizationServerMetadata(new Issuer(issuer));
        metadata.setAuthorizationEndpointURI(URI.create(issuer + "/authorize"));
        metadata.setTokenEndpointURI(URI.create(issuer + "/token"));
        metadata.setRegistrationEndpointURI(URI.create(issuer + "/register"));
        metadata.setRevocationEndpointURI(URI.create(issuer + "/revoke"));
        metadata.setJWKSetURI(URI.create(issuer + "/jwks"));
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        List<ClientAuthenticationMethod> auth = List.of(ClientAuthenticationMethod.NONE,
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
        metadata.setTokenEndpointAuthMethods(auth);
        metadata.setRevocationEndpointAuthMethods(auth);
        metadata.setScopes(new Scope(resources.all().stream().flatMap(r -> r.scopes().stream()).distinct()
                .toArray(String[]::new)));
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        metadata.setCustomParameter("client_id_metadata_document_supported", true);
        metadata.setCustomParameter("resource_indicators_supported", true);
        if (oidc) {
            metadata.setCustomParameter("subject_types_supported", List.of("public"));
            metadata.setCustomParameter("id_token_signing_alg_values_supported", List.of(JWSAlgorithm.RS256.getName()));
        }
        return metadata.toJSONObject();
    }

}
