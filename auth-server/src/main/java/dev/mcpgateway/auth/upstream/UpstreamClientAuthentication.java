package dev.mcpgateway.auth.upstream;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the gateway authenticates to the upstream provider's token endpoint: a certificate (a fresh signed
 * assertion per request), a federated assertion read fresh from a file on every use (workload identity rotates it),
 * or a client secret.
 */
public final class UpstreamClientAuthentication {

    private UpstreamClientAuthentication() {
    }

    public static ClientAuthentication of(UpstreamConfig config, URI tokenEndpoint) throws Exception {
        ClientID id = new ClientID(config.getClientId().orElseThrow(() ->
                new IllegalStateException("gateway.auth.upstream.client-id is not set")));
        if (config.getClientCertificatePath().isPresent()) {
            return CertificateCredential.read(Path.of(config.getClientCertificatePath().get())).assertionFor(id, tokenEndpoint);
        }
        if (config.getClientAssertionFile().isPresent()) {
            String assertion = Files.readString(Path.of(config.getClientAssertionFile().get())).trim();
            return new PrivateKeyJWT(SignedJWT.parse(assertion));
        }
        return new ClientSecretPost(id, new Secret(config.getClientSecret().orElseThrow(() ->
                new IllegalStateException("gateway.auth.upstream needs client-secret or client-assertion-file"))));
    }
}
