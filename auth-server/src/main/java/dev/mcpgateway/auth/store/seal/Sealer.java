package dev.mcpgateway.auth.store.seal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over stored values: {@code sealed:v1:} + base64url(12-byte nonce + ciphertext + tag). The namespace is
 * authenticated too, so a sealed value copied into another namespace does not open. Values without the prefix are
 * records written before sealing existed and are read as they are.
 */
public final class Sealer {

    static final String PREFIX = "sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoreKeySource keys;

    Sealer(StoreKeySource keys) {
        this.keys = keys;
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(String namespace, String clear) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(keys.obtain(), Cipher.ENCRYPT_MODE, nonce, namespace);
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * A secret derived from the store key: the same for the same namespace and name on every start and every instance
     * sharing the key, and unguessable without it (HMAC-SHA256 with the namespace and name as the message; 16 bytes,
     * hex). For values that must be stable but were never given, such as the keys of a subscription declared without
     * them.
     */
    public String derive(String namespace, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.obtain().secretKey().getEncoded(), "HmacSHA256"));
            byte[] derived = mac.doFinal(("derive:" + namespace + ":" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(derived, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The clear value; throws {@link WrongStoreKeyException} when it was sealed under another key or namespace. */
    public String unseal(String namespace, String value) {
        if (!isSealed(value)) {
            return value;
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new WrongStoreKeyException("a sealed value in '" + namespace + "' is damaged");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new WrongStoreKeyException("a sealed value in '" + namespace + "' is damaged");
        }
        try {
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            StoreKey key = keys.existing().orElseThrow(() -> new WrongStoreKeyException(
                    "a sealed value in '" + namespace + "' cannot be opened: there is no store key"));
            Cipher cipher = cipher(key, Cipher.DECRYPT_MODE, nonce, namespace);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // AEADBadTagException: another key (or a tampered value); nothing about the key goes into the message
            throw new WrongStoreKeyException("a sealed value in '" + namespace + "' does not open with the store key");
        }
    }

    private static Cipher cipher(StoreKey key, int mode, byte[] nonce, String namespace)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("mcpgw-auth:" + namespace).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
