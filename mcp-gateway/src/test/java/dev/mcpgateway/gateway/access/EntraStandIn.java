package dev.mcpgateway.gateway.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** A real OIDC server (mock-oauth2-server) with Entra ID's issuer shape and claims, standing in for the tenant. */
final class EntraStandIn implements AutoCloseable {

    static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String GATEWAY_APP_ID = "5b3d7a8e-1c2f-4e6a-9b0d-6f1e2a3c4d5e";

    private final MockOAuth2Server server = new MockOAuth2Server();

    EntraStandIn() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
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
