package io.callmask.web;

import io.callmask.core.Ids;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.callmask.core.config.CallmaskProperties;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Mints and checks retailer-scoped tokens: HS256 JWTs with {@code sub} = retailer id, {@code iss},
 * {@code aud}, {@code iat}, {@code exp} and {@code scope = retailer}. A platform may mint them
 * itself with the shared secret; whoever minted it, a token is accepted only with exactly this
 * algorithm, issuer and audience, unexpired, and with a lifetime of at most {@code max-ttl}.
 * Tokens are bearer secrets: nothing here logs one.
 */
@Component
public class RetailerTokens {

    public static final String SCOPE = "retailer";

    private final byte[] secret;
    private final TokenProperties properties;
    private final Clock clock;

    RetailerTokens(TokenProperties properties, CallmaskProperties callmask, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        String configured = properties.secret().isEmpty()
                ? ApiKeys.generatedKey(callmask.dataDir(), "token-secret", "cmt_", "callmask.tokens.secret")
                : properties.secret();
        this.secret = configured.getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("callmask.tokens.secret must be at least 32 bytes (HS256 needs a 256-bit key)");
        }
    }

    /** A token issued now, valid for {@code ttl}. */
    public Issued issue(String retailerId, Duration ttl) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(retailerId)
                .issuer(properties.issuer())
                .audience(properties.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .claim("scope", SCOPE)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        // JWTs carry whole seconds: report the expiry the token actually has.
        return new Issued(jwt.serialize(), Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    public record Issued(String token, Instant expiresAt) {}

    /**
     * A key for another purpose (e.g. {@code console-session}), derived from the token secret with
     * HMAC-SHA256 so every instance sharing the secret shares it too, without a second setting.
     */
    public byte[] derivedKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("callmask:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** Longest lifetime a token may be issued or accepted with. */
    public Duration maxTtl() {
        return properties.maxTtl();
    }

    /** A compact JWS has three dot-separated parts; API keys have none. */
    static boolean looksLikeToken(String bearer) {
        return bearer.chars().filter(c -> c == '.').count() == 2;
    }

    /** The retailer id the token is scoped to, or {@link Rejected}. */
    String verify(String token) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw Rejected.invalid("The token is not a well-formed JWT.");
        }
        // A PlainJWT (alg "none") or an encrypted JWT is never accepted.
        if (!(parsed instanceof SignedJWT jwt) || !JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw Rejected.invalid("The token must be signed with HS256.");
        }
        JWTClaimsSet claims;
        try {
            if (!jwt.verify(new MACVerifier(secret))) {
                throw Rejected.invalid("The token's signature is not valid.");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (JOSEException | ParseException e) {
            throw Rejected.invalid("The token's signature is not valid.");
        }
        return checkClaims(claims);
    }

    private String checkClaims(JWTClaimsSet claims) {
        if (!properties.issuer().equals(claims.getIssuer())) {
            throw Rejected.invalid("The token's issuer is not accepted.");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(properties.audience())) {
            throw Rejected.invalid("The token's audience is not this service.");
        }
        Object scope = claims.getClaim("scope");
        String subject = claims.getSubject();
        if (!SCOPE.equals(scope) || subject == null || !subject.matches(Ids.PATTERN)) {
            throw Rejected.invalid("The token must have scope 'retailer' and a retailer id as subject.");
        }
        Date issued = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        if (issued == null || expires == null) {
            throw Rejected.invalid("The token must carry 'iat' and 'exp'.");
        }
        Duration lifetime = Duration.between(issued.toInstant(), expires.toInstant());
        if (lifetime.isNegative() || lifetime.compareTo(properties.maxTtl()) > 0) {
            throw Rejected.invalid("The token's lifetime exceeds the allowed maximum of "
                    + properties.maxTtl().toSeconds() + " seconds.");
        }
        Instant now = clock.instant();
        Duration skew = properties.clockSkew();
        if (issued.toInstant().isAfter(now.plus(skew))) {
            throw Rejected.invalid("The token was issued in the future.");
        }
        if (!now.isBefore(expires.toInstant().plus(skew))) {
            throw new Rejected("token-expired", "The token has expired; ask the platform for a new one.");
        }
        return subject;
    }

    /** A token that is not accepted; the detail never contains the token. */
    static final class Rejected extends RuntimeException {
        private final String slug;

        Rejected(String slug, String detail) {
            super(detail, null, false, false);
            this.slug = slug;
        }

        static Rejected invalid(String detail) {
            return new Rejected("token-invalid", detail);
        }

        String slug() {
            return slug;
        }
    }
}
