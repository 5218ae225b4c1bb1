package io.callmask.carrier.telnyx;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Telnyx's webhook signature: {@code telnyx-signature-ed25519} is Base64 of the Ed25519 signature
 * of {@code telnyx-timestamp + "|" + raw body}, made with the account's key; the public key is
 * Base64 of its 32 raw bytes. A timestamp further than the tolerance from our clock is refused, so
 * a captured webhook cannot be replayed later. The JDK's own Ed25519 (Java 15+) verifies.
 */
final class Ed25519Webhooks {

    /** The X.509 SubjectPublicKeyInfo header for an Ed25519 key (RFC 8410): prefix + 32 raw bytes. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final PublicKey key;
    private final Duration tolerance;
    private final Clock clock;

    Ed25519Webhooks(String base64PublicKey, Duration tolerance, Clock clock) {
        this.key = publicKey(base64PublicKey);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    static PublicKey publicKey(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("callmask.carriers.telnyx.public-key is not Base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("callmask.carriers.telnyx.public-key must be 32 bytes (Base64), was "
                    + raw.length);
        }
        byte[] spki = new byte[SPKI_PREFIX.length + 32];
        System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("callmask.carriers.telnyx.public-key is not an Ed25519 key", e);
        }
    }

    /** Whether the headers sign this body now; any malformed part is simply not valid. */
    boolean valid(String signature, String timestamp, byte[] body) {
        if (signature == null || timestamp == null || !timestamp.strip().matches("[0-9]{1,12}")) {
            return false;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        if (Duration.between(sent, clock.instant()).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (sig.length != 64) {
            return false;
        }
        byte[] prefix = (timestamp.strip() + "|").getBytes(StandardCharsets.UTF_8);
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(prefix);
            verifier.update(body);
            return verifier.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
