package io.callmask.console;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.callmask.core.Caller;
import io.callmask.web.RetailerTokens;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A console login is a signed cookie, not server-side state: any instance sharing the token secret
 * accepts it, so an operator behind a load balancer stays signed in whichever instance answers.
 * The cookie holds the operator key's fingerprint and an expiry, never the key.
 */
@Component
class ConsoleSessions {

    static final String COOKIE = "callmask_console";
    private static final String AUDIENCE = "callmask-console";

    private final byte[] key;
    private final ConsoleProperties properties;
    private final Clock clock;

    ConsoleSessions(RetailerTokens tokens, ConsoleProperties properties, Clock clock) {
        this.key = tokens.derivedKey("console-session");
        this.properties = properties;
        this.clock = clock;
    }

    /** The cookie value for an operator who just signed in. */
    String open(Caller operator) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(operator.label()).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(properties.sessionTtl()))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a console session", e);
        }
        return jwt.serialize();
    }

    /** The operator a cookie stands for, when it is ours, unexpired and unaltered. */
    Optional<Caller> verify(String cookie) {
        try {
            SignedJWT jwt = SignedJWT.parse(cookie);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String subject = claims.getSubject();
            if (claims.getExpirationTime() == null || !clock.instant().isBefore(claims.getExpirationTime().toInstant())
                    || claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)
                    || subject == null || !subject.matches("operator:[0-9a-f]{8}")) {
                return Optional.empty();
            }
            return Optional.of(Caller.operator(subject.substring("operator:".length())));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    long maxAgeSeconds() {
        return properties.sessionTtl().toSeconds();
    }
}
