package dev.mcpgateway.gateway.policy.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@code <key>} of {@code <issuer-signing-keys>}: a Base64 symmetric key as its text, or an RSA public key as its
 * modulus {@code n} and exponent {@code e} (Base64url), optionally answering only to the {@code kid} in {@code id}.
 */
final class WrittenKeys {

    /** HS256 needs a key at least as long as its hash (RFC 7518 3.2). */
    private static final int SHORTEST_SYMMETRIC_BYTES = 32;

    private WrittenKeys() {
    }

    static TokenKeys.WrittenKey compile(PolicyElement key) throws PolicyDocumentException {
        String id = literal(key.attribute("id"));
        String modulus = literal(key.attribute("n"));
        String exponent = literal(key.attribute("e"));
        Expression text = key.text();
        if (text != null && !text.isConstant()) {
            throw refused(key, "takes no expression: write the key in Base64");
        }
        String secret = text == null ? null : literal(text);
        if (modulus != null || exponent != null) {
            if (modulus == null || exponent == null || secret != null) {
                throw refused(key, "an RSA key is written as both 'n' and 'e', and no text");
            }
            return new TokenKeys.WrittenKey(id, rsa(key, modulus, exponent));
        }
        if (secret == null) {
            throw refused(key, "is empty: write a Base64 key, or 'n' and 'e'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret.replaceAll("\\s", ""));
        } catch (IllegalArgumentException notBase64) {
            throw refused(key, "is not Base64");
        }
        if (bytes.length < SHORTEST_SYMMETRIC_BYTES) {
            throw refused(key, "a symmetric key must be at least 256 bits (32 bytes)");
        }
        return new TokenKeys.WrittenKey(id, new SecretKeySpec(bytes, "HMAC"));
    }

    private static java.security.Key rsa(PolicyElement key, String modulus, String exponent)
            throws PolicyDocumentException {
        try {
            return new RSAKey.Builder(new Base64URL(modulus), new Base64URL(exponent)).build().toRSAPublicKey();
        } catch (JOSEException | IllegalArgumentException notAKey) {
            throw refused(key, "'n' and 'e' are not the Base64url modulus and exponent of an RSA key");
        }
    }

    private static String literal(Expression value) {
        String text = value == null ? null : value.evaluateText(null);
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static PolicyDocumentException refused(PolicyElement key, String problem) {
        return new PolicyDocumentException(key.name(), key.line(), problem);
    }
}
