package dev.mcpgateway.auth.ssrf;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Certificates made with the JDK's keytool for a host name, HTTPS servers presenting them, and a client trusting them. */
final class TlsFixture {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private TlsFixture() {
    }

    /** A PKCS#12 key store holding a fresh EC key and a self-signed certificate for {@code dnsName}. */
    static KeyStore certificateFor(String dnsName) throws Exception {
        Path dir = Files.createTempDirectory("cimd-tls");
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + dnsName, "-ext", "SAN=dns:" + dnsName, "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    /** An HTTPS server on {@code address} presenting {@code keys}' certificate, serving {@code handler} at "/". */
    static HttpsServer serve(String address, KeyStore keys, HttpHandler handler) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", handler);
        server.start();
        return server;
    }

    /** A client TLS context that trusts exactly these certificates (as a pinned trust store would). */
    static SSLContext trusting(KeyStore... stores) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (KeyStore store : stores) {
            Certificate certificate = store.getCertificate("server");
            trust.setCertificateEntry("trusted-" + i++, certificate);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    static void close(HttpsServer... servers) {
        for (HttpsServer server : servers) {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    static void ignore(IOException e) {
        // a handler whose client went away
    }
}
