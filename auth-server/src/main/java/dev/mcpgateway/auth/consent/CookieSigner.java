package dev.mcpgateway.auth.consent;

import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over cookie values and CSRF tokens. The key lives in the store so every gateway instance shares it
 * and a restart does not log users out of their remembered consents.
 */
public final class CookieSigner {

    private static final String NAMESPACE = "keys";
    private static final String KEY = "cookie-hmac";

    private final byte[] key;

    public CookieSigner(AuthStateStore store) {
        String stored = store.get(NAMESPACE, KEY).orElseGet(() -> {
            String fresh = Hashing.randomToken(32);
            store.put(NAMESPACE, KEY, fresh, null);
            return fresh;
        });
        this.key = Base64.getUrlDecoder().decode(stored);
    }

    public String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String value, String signature) {
        return Hashing.constantTimeEquals(sign(value), signature);
    }
}
