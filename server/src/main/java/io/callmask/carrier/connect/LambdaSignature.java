package io.callmask.carrier.connect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * callmask's own scheme for the Lambda that forwards Amazon Connect's requests (Connect signs nothing
 * that reaches us): {@code X-Callmask-Timestamp} is Unix seconds, {@code X-Callmask-Signature} is
 * {@code v1=} and the lower-case hex HMAC-SHA256 of {@code timestamp + "." + raw body}, keyed with the
 * shared secret. A timestamp further than the tolerance from our clock is refused, so a captured
 * request cannot be replayed later.
 */
final class LambdaSignature {

    static final String TIMESTAMP = "X-Callmask-Timestamp";
    static final String SIGNATURE = "X-Callmask-Signature";

    private final byte[] secret;
    private final Duration tolerance;
    private final Clock clock;

    LambdaSignature(String secret, Duration tolerance, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** The header value for {@code body} sent at {@code timestamp} (the Lambda computes the same). */
    static String sign(String secret, String timestamp, byte[] body) {
        return "v1=" + HexFormat.of().formatHex(mac(secret.getBytes(StandardCharsets.UTF_8), timestamp, body));
    }

    /** Whether the headers sign this body now; any malformed part is simply not valid. */
    boolean valid(String signature, String timestamp, byte[] body) {
        if (signature == null || timestamp == null || !timestamp.matches("[0-9]{1,12}")
                || !signature.matches("v1=[0-9a-f]{64}")) {
            return false;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, clock.instant()).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] given = HexFormat.of().parseHex(signature.substring(3));
        return MessageDigest.isEqual(given, mac(secret, timestamp, body));
    }

    private static byte[] mac(byte[] key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
