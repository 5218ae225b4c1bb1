package io.callmask.core.privacy;

import io.callmask.core.number.PhoneNumber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;

/**
 * Seals real numbers for storage with AES-256-GCM and opens them again. A sealed value reads
 * {@code <keyId>:<base64url(nonce || ciphertext || tag)>} with a random 96-bit nonce, so the same
 * number seals differently every time (look numbers up by {@link NumberHashes}, never by sealed
 * value) and keys can rotate: the key id says which key opens it. The associated data binds the
 * value to its purpose, so a ciphertext made for something else does not open as a number.
 */
@Component
public class NumberVault {

    private static final byte[] ASSOCIATED_DATA = "callmask:number:v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per thread, initialised for each value: {@code Cipher.getInstance} looks up the
     * provider every time, and a reused AES cipher keeps its expanded key while the key is the same.
     */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available: " + e.getClass().getSimpleName(), e);
        }
    });

    private final NumberKeys keys;

    public NumberVault(NumberKeys keys) {
        this.keys = keys;
    }

    /** The number sealed under the active key. */
    public String seal(PhoneNumber number) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.active(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] sealed = cipher.doFinal(number.e164().getBytes(StandardCharsets.US_ASCII));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return keys.activeKeyId() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a number: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Seals, or null for null: for columns the retention job may have cleared. */
    public String sealOrNull(PhoneNumber number) {
        return number == null ? null : seal(number);
    }

    /**
     * The number in a sealed value; null for null (a value the retention job cleared). Fails with
     * {@link UnknownKeyException} when the value's key is not configured, and with an
     * {@link IllegalStateException} when the value was altered or is not a sealed number.
     */
    public PhoneNumber open(String sealed) {
        if (sealed == null) {
            return null;
        }
        int colon = sealed.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("a stored number is not a sealed value (no key id)");
        }
        var key = keys.sealing(sealed.substring(0, colon));
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return PhoneNumber.ofE164(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored number under key '" + sealed.substring(0, colon)
                    + "' does not open (altered, or sealed under another key with that id)");
        }
    }

    /** Whether the value is sealed under a key other than the active one (rotation moves it). */
    public boolean needsRotation(String sealed) {
        return sealed != null && !sealed.startsWith(keys.activeKeyId() + ":");
    }

    /** The id of the key new values are sealed under. */
    public String activeKeyId() {
        return keys.activeKeyId();
    }
}
