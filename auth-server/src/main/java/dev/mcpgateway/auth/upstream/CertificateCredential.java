package dev.mcpgateway.auth.upstream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entra's certificate credential: a PEM file holding the app's certificate and its PKCS#8 RSA private key. Each
 * token request carries a fresh client assertion signed with the key, its header naming the certificate by SHA-1
 * ({@code x5t}, what Entra matches for RS256) and SHA-256 ({@code x5t#S256}) thumbprints.
 */
final class CertificateCredential {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final X509Certificate certificate;
    private final PrivateKey key;

    private CertificateCredential(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    static CertificateCredential read(Path pemFile) throws IOException, GeneralSecurityException {
        String pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
        X509Certificate certificate = null;
        PrivateKey key = null;
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "CERTIFICATE" -> certificate = certificate != null ? certificate : (X509Certificate)
                        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
                case "PRIVATE KEY" -> key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
                default -> {
                    // other blocks (chain certificates, parameters) are not needed to sign
                }
            }
        }
        if (certificate == null || key == null) {
            throw new IllegalStateException("gateway.auth.upstream.client-certificate-path must hold a CERTIFICATE and "
                    + "an unencrypted PKCS#8 PRIVATE KEY block");
        }
        return new CertificateCredential(certificate, key);
    }

    PrivateKeyJWT assertionFor(ClientID clientId, URI tokenEndpoint) throws GeneralSecurityException, JOSEException {
        byte[] der = certificate.getEncoded();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .x509CertThumbprint(Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(der)))
                .x509CertSHA256Thumbprint(Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(der)))
                .build();
        JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(clientId, new Audience(tokenEndpoint.toString()));
        SignedJWT jwt = new SignedJWT(header, claims.toJWTClaimsSet());
        jwt.sign(new RSASSASigner(key));
        return new PrivateKeyJWT(jwt);
    }
}
