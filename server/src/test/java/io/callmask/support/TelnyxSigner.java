package io.callmask.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Signs a webhook the way Telnyx documents it: Base64 of the Ed25519 signature of
 * {@code timestamp|body}. The key pair is the one of telnyx-java's own WebhookVerificationTest
 * (seed and public key below), so tests share one fixed account key.
 */
public final class TelnyxSigner {

    /** The account's public key as Telnyx shows it: Base64 of 32 raw bytes. */
    public static final String PUBLIC_KEY = "jrMBoswHlhhVx2W2Www72WU/xn4UMpjreslD0m2u0qs=";
    private static final String SEED = "i1xxSkIuQOY9H8laaRslIoYGTJ1NwBAFdjsQwiwJH04=";
    /** The PKCS#8 header for a raw Ed25519 private key seed (RFC 8410). */
    private static final byte[] PKCS8_PREFIX =
        {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20};

    private TelnyxSigner() {}

    public static String sign(String timestamp, String body) {
        return sign(privateKey(SEED), timestamp, body);
    }

    public static String sign(PrivateKey key, String timestamp, String body) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update((timestamp + "|" + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private key from a Base64 32-byte seed. */
    public static PrivateKey privateKey(String base64Seed) {
        byte[] seed = Base64.getDecoder().decode(base64Seed);
        byte[] pkcs8 = new byte[PKCS8_PREFIX.length + seed.length];
        System.arraycopy(PKCS8_PREFIX, 0, pkcs8, 0, PKCS8_PREFIX.length);
        System.arraycopy(seed, 0, pkcs8, PKCS8_PREFIX.length, seed.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }
}
