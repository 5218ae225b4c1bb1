package io.callmask.carrier.vonage;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a Vonage signed webhook: the JWT in {@code Authorization: Bearer} is HS256 over
 * {@code header.payload} keyed with the signature secret, its {@code iat} is within the tolerance of
 * our clock (a replay later is refused), and for a request with a body its {@code payload_hash} claim
 * is the SHA-256 of those exact bytes (api.support.vonage.com 19033783342876). Nimbus parses the token;
 * the HMAC is the JDK's, because Nimbus's verifier refuses secrets under 256 bits and Vonage's
 * dashboard does not promise longer ones.
 */
final class SignedWebhooks {

    private final byte[] secret;
    private final String apiKey;
    private final Duration tolerance;
    private final Clock clock;

    SignedWebhooks(String secret, String apiKey, Duration tolerance, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** The whole check; {@code authorization} is the header's value, {@code body} the raw body (may be empty). */
    boolean valid(String authorization, byte[] body) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()).strip());
            if (!signedWithSecret(jwt)) {
                return false;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return fresh(claims.getIssueTime()) && payloadMatches(claims, body)
                    && (apiKey == null || apiKey.equals(claims.getStringClaim("api_key")));
        } catch (ParseException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Only the HMAC, as the Vonage SDK's {@code VoiceClient.verifySignature} checks it. */
    boolean signedWithSecret(SignedJWT jwt) {
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            return false; // never "none", never a key confusion
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] expected = mac.doFinal(jwt.getSigningInput());
            return MessageDigest.isEqual(expected, jwt.getSignature().decode());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private boolean fresh(Date issued) {
        if (issued == null) {
            return false;
        }
        Duration age = Duration.between(issued.toInstant(), Instant.now(clock)).abs();
        return age.compareTo(tolerance) <= 0;
    }

    /**
     * A GET (the answer webhook's default) has no body: Vonage hashes a JSON rendering of the query
     * whose exact form it does not document, so only the token's signature and age cover it.
     */
    private static boolean payloadMatches(JWTClaimsSet claims, byte[] body) throws ParseException {
        if (body.length == 0) {
            return true;
        }
        String claimed = claims.getStringClaim("payload_hash");
        return claimed != null && MessageDigest.isEqual(sha256Hex(body).getBytes(StandardCharsets.US_ASCII),
                claimed.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
