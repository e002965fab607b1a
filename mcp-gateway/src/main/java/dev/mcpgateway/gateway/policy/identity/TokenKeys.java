package dev.mcpgateway.gateway.policy.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jwt.SignedJWT;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The keys a token's signature is checked with: those written in the policy ({@code <issuer-signing-keys>}) and
 * those its OpenID providers publish. Each key that may have signed the token is tried until one verifies it.
 */
final class TokenKeys {

    static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    private static final Set<JWSAlgorithm> SYMMETRIC = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384,
            JWSAlgorithm.HS512);
    static final String KEY_NOT_FOUND = "JWT signing key was not found. Access denied.";
    static final String SIGNATURE_INVALID = "JWT signature is not valid. Access denied.";
    private static final DefaultJWSVerifierFactory VERIFIERS = new DefaultJWSVerifierFactory();

    /** A key written in the policy, with the {@code kid} it answers to, or null for any. */
    record WrittenKey(String id, Key key) {
    }

    private final List<WrittenKey> written;
    private final List<OpenIdProvider> providers;

    TokenKeys(List<WrittenKey> written, List<OpenIdProvider> providers) {
        this.written = List.copyOf(written);
        this.providers = List.copyOf(providers);
    }

    List<OpenIdProvider> providers() {
        return providers;
    }

    /**
     * Null when one of the keys verifies the token's signature, else why none does. The written keys are tried
     * first, then each provider's, the provider naming the token's issuer first: a provider is only asked for keys
     * (and so to fetch its key set again for a key id it lacks) when those before it verified nothing.
     */
    String verify(SignedJWT token) {
        JWSHeader header = token.getHeader();
        if (!ASYMMETRIC.contains(header.getAlgorithm()) && !SYMMETRIC.contains(header.getAlgorithm())) {
            return KEY_NOT_FOUND;
        }
        List<Key> keys = written(header);
        if (verifies(token, keys)) {
            return null;
        }
        boolean keyFound = !keys.isEmpty();
        for (OpenIdProvider provider : byIssuer(token)) {
            keys = List.copyOf(provider.keys(header));
            if (verifies(token, keys)) {
                return null;
            }
            keyFound |= !keys.isEmpty();
        }
        return keyFound ? SIGNATURE_INVALID : KEY_NOT_FOUND;
    }

    private static boolean verifies(SignedJWT token, List<Key> keys) {
        for (Key key : keys) {
            try {
                if (token.verify(VERIFIERS.createJWSVerifier(token.getHeader(), key))) {
                    return true;
                }
            } catch (JOSEException unusable) {
                // a key too short for the algorithm, say; another candidate may still verify
            }
        }
        return false;
    }

    private List<Key> written(JWSHeader header) {
        String keyId = header.getKeyID();
        List<Key> keys = new ArrayList<>();
        for (WrittenKey key : written) {
            if ((key.id() == null || keyId == null || key.id().equals(keyId)) && fits(header.getAlgorithm(),
                    key.key())) {
                keys.add(key.key());
            }
        }
        return keys;
    }

    /** The providers, the one naming the issuer the token claims first (the claim is not trusted for more). */
    private List<OpenIdProvider> byIssuer(SignedJWT token) {
        String issuer;
        try {
            issuer = token.getJWTClaimsSet().getIssuer();
        } catch (ParseException unreadable) {
            return providers;
        }
        List<OpenIdProvider> ordered = new ArrayList<>(providers);
        ordered.sort(Comparator.comparing(provider -> issuer == null || !issuer.equals(provider.issuer())));
        return ordered;
    }

    /** Whether the key is of the kind the algorithm signs with: HMAC never meets an RSA key, nor the other way. */
    private static boolean fits(JWSAlgorithm algorithm, Key key) {
        if (SYMMETRIC.contains(algorithm)) {
            return key instanceof SecretKey;
        }
        return JWSAlgorithm.Family.EC.contains(algorithm) ? key instanceof ECPublicKey : key instanceof RSAPublicKey;
    }
}
