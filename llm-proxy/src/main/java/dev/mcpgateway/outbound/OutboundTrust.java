package dev.mcpgateway.outbound;

import io.micronaut.context.exceptions.ConfigurationException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context for https backends: the JDK's trusted CAs, plus the certificates of a PEM file when one is set
 * (a private CA in front of self-hosted model servers or internal APIs). Host names are verified in
 * {@link ConnectionPool}.
 */
final class OutboundTrust {

    private OutboundTrust() {
    }

    /** @param setting the setting that named the file, for the start-up error when it cannot be read */
    static SslContext context(Optional<String> extraPem, String setting) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (extraPem.isPresent()) {
                builder.trustManager(withExtra(Path.of(extraPem.get())));
            }
            return builder.build();
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException(setting + ": cannot read the certificates (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    private static TrustManagerFactory withExtra(Path pem) throws IOException, GeneralSecurityException {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        int n = 0;
        for (X509Certificate ca : jdkTrustManager().getAcceptedIssuers()) {
            anchors.setCertificateEntry("jdk-" + n++, ca);
        }
        Collection<? extends Certificate> extra;
        try (InputStream in = Files.newInputStream(pem)) {
            extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (extra.isEmpty()) {
            throw new GeneralSecurityException("no certificate in the file");
        }
        for (Certificate certificate : extra) {
            anchors.setCertificateEntry("extra-" + n++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        return factory;
    }

    private static X509TrustManager jdkTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
