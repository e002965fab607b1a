package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.mcpgateway.auth.upstream.UpstreamClientAuthentication;
import dev.mcpgateway.auth.upstream.UpstreamConfig;
import io.micronaut.context.ApplicationContext;
import java.io.FileInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Entra's certificate credential: from a PEM (made here with the JDK's keytool) the gateway signs a client assertion
 * that verifies with the certificate's public key, names it by thumbprint, and is addressed to the token endpoint.
 */
class EntraCertificateCredentialTest {

    @Test
    void aCertificateCredentialBecomesASignedClientAssertionEntraCanMatch() throws Exception {
        Path dir = Files.createTempDirectory("cert");
        Path p12 = dir.resolve("app.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=mcp-gateway",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(p12.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        X509Certificate cert = (X509Certificate) store.getCertificate("app");
        PrivateKey key = (PrivateKey) store.getKey("app", "changeit".toCharArray());
        Path pem = dir.resolve("app.pem");
        Files.writeString(pem, pem("CERTIFICATE", cert.getEncoded()) + pem("PRIVATE KEY", key.getEncoded()));

        URI tokenEndpoint = URI.create("https://login.microsoftonline.com/tenant/oauth2/v2.0/token");
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "gateway.auth.upstream.client-id", "app-id", "gateway.auth.upstream.client-certificate-path", pem.toString()))) {
            ClientAuthentication auth = UpstreamClientAuthentication.of(context.getBean(UpstreamConfig.class), tokenEndpoint);
            String body = new TokenRequest(tokenEndpoint, auth, new ClientCredentialsGrant(), null).toHTTPRequest().getBody();
            Map<String, List<String>> form = URLUtils.parseParameters(body);
            assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form.get("client_assertion_type").getFirst());
            SignedJWT assertion = SignedJWT.parse(form.get("client_assertion").getFirst());
            assertTrue(assertion.verify(new RSASSAVerifier((RSAPublicKey) cert.getPublicKey())));
            assertEquals(Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded())),
                    assertion.getHeader().getX509CertThumbprint());
            assertEquals("app-id", assertion.getJWTClaimsSet().getIssuer());
            assertEquals("app-id", assertion.getJWTClaimsSet().getSubject());
            assertEquals(List.of(tokenEndpoint.toString()), assertion.getJWTClaimsSet().getAudience());
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
