package dev.mcpgateway.auth.upstream;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * How the gateway authenticates to the upstream provider's token endpoint: a client secret, or a federated
 * assertion read fresh from a file on every use (workload identity rotates it).
 */
public final class UpstreamClientAuthentication {

    private UpstreamClientAuthentication() {
    }

    public static ClientAuthentication of(UpstreamConfig config) throws IOException, ParseException {
        ClientID id = new ClientID(config.getClientId().orElseThrow(() ->
                new IllegalStateException("gateway.auth.upstream.client-id is not set")));
        if (config.getClientAssertionFile().isPresent()) {
            String assertion = Files.readString(Path.of(config.getClientAssertionFile().get())).trim();
            return new PrivateKeyJWT(SignedJWT.parse(assertion));
        }
        return new ClientSecretPost(id, new Secret(config.getClientSecret().orElseThrow(() ->
                new IllegalStateException("gateway.auth.upstream needs client-secret or client-assertion-file"))));
    }
}
