package io.callmask.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code callmask.tokens.*}: retailer-scoped tokens (HS256 JWTs) for a retailer's browser.
 *
 * @param secret the shared HMAC key (UTF-8, at least 32 bytes); empty: generated into
 *     {@code <data-dir>/token-secret}
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must carry
 * @param clockSkew tolerance when checking {@code exp} and {@code iat} against our clock
 * @param maxTtl longest lifetime ({@code exp - iat}) a token may have, whoever minted it
 * @param allowedOrigins browser origins allowed to call the retailer endpoints (CORS); empty: none
 */
@Validated
@ConfigurationProperties("callmask.tokens")
public record TokenProperties(String secret, @NotBlank String issuer, @NotBlank String audience,
        @NotNull Duration clockSkew, @NotNull Duration maxTtl, List<String> allowedOrigins) {

    public TokenProperties {
        secret = secret == null ? "" : secret.strip();
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().filter(o -> !o.isBlank()).map(String::strip).toList();
    }
}
