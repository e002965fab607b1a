package dev.mcpgateway.auth.discovery;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;

/** Reads an OpenID Provider's configuration document (OpenID Connect Discovery 1.0, section 4), with timeouts. */
public final class ProviderDiscovery {

    private static final int TIMEOUT_MS = 5_000;

    private ProviderDiscovery() {
    }

    /**
     * @param configurationUrl the full URL, e.g. {@code https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration}
     * @throws IOException    the provider could not be reached
     * @throws ParseException the answer is not 200 or not a provider configuration
     */
    public static OIDCProviderMetadata fetch(URI configurationUrl) throws IOException, ParseException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, configurationUrl);
        request.setConnectTimeout(TIMEOUT_MS);
        request.setReadTimeout(TIMEOUT_MS);
        HTTPResponse response = request.send();
        response.ensureStatusCode(HTTPResponse.SC_OK);
        return OIDCProviderMetadata.parse(response.getBodyAsJSONObject());
    }
}
