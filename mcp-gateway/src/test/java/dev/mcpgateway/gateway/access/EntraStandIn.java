package dev.mcpgateway.gateway.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.HttpUrl;

/**
 * A real OIDC server (mock-oauth2-server) with Entra ID's issuer shape and claims, standing in for the tenant. As at
 * {@code login.microsoftonline.com}, the tenant's v2.0 configuration is at
 * {@code {authority}/{tenant}/v2.0/.well-known/openid-configuration} and its v1.0 one without {@code /v2.0}.
 */
public final class EntraStandIn implements AutoCloseable {

    public static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String GATEWAY_APP_ID = "5b3d7a8e-1c2f-4e6a-9b0d-6f1e2a3c4d5e";

    /** The token versions Entra issues: the issuer and the claim naming the client differ. */
    public enum TokenVersion {
        V1(TENANT_ID),
        V2(TENANT_ID + "/v2.0");

        private final String issuerPath;

        TokenVersion(String issuerPath) {
            this.issuerPath = issuerPath;
        }
    }

    private final MockOAuth2Server server = new MockOAuth2Server();

    public EntraStandIn() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the tenants are, as {@code https://login.microsoftonline.com} is for Entra ID. */
    public String authority() {
        return "http://127.0.0.1:" + server.baseUrl().port();
    }

    /**
     * An access token of the tenant, signed with its key for that version, holding these claims (Entra's: aud, azp
     * or appid, oid, tid, scp, roles...) besides iss, iat, nbf and exp.
     */
    public String accessToken(TokenVersion version, Map<String, Object> claims) {
        HttpUrl issuer = HttpUrl.get(authority() + "/" + version.issuerPath);
        return server.anyToken(issuer, claims, Duration.ofHours(1)).serialize();
    }

    String issuer() {
        // named after the Host header; 127.0.0.1 avoids localhost resolving to ::1
        return server.issuerUrl(TENANT_ID).toString().replace("//localhost:", "//127.0.0.1:").replaceAll("/$", "");
    }

    /** The next login signs in this user (Entra v2.0 claims: oid, tid, name, preferred_username, roles). */
    void nextLoginIs(String objectId, String name, String email, List<String> roles) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(TENANT_ID, "pairwise-" + objectId, "JWT",
                List.of(GATEWAY_APP_ID), Map.of("oid", objectId, "tid", TENANT_ID, "name", name,
                "preferred_username", email, "groups", List.of(), "roles", roles, "ver", "2.0"), 3600));
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
