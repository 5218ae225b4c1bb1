package io.callmask.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook as Vonage does: an HS256 JWT keyed with the signature secret, claims {@code iat},
 * {@code jti}, {@code iss}, {@code payload_hash} (hex SHA-256 of the body), {@code api_key} and
 * {@code application_id}, sent as {@code Authorization: Bearer}. Written with the JDK alone.
 */
public final class VonageSigner {

    public static final String API_KEY = "hostilekey";

    private VonageSigner() {}

    /** {@code Bearer <jwt>} for this body (null or empty: a GET), issued at {@code iat}. */
    public static String bearer(String secret, Instant iat, String body, String apiKey) {
        String claims = "{\"iat\":" + iat.getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID()
                + "\",\"iss\":\"Vonage\",\"payload_hash\":\"" + sha256(body == null ? "" : body) + "\",\"api_key\":\""
                + apiKey + "\",\"application_id\":\"aaaaaaaa-bbbb-cccc-dddd-0123456789ab\"}";
        return "Bearer " + jwt(secret, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims);
    }

    public static String jwt(String secret, String header, String claims) {
        String input = b64(header) + "." + b64(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
