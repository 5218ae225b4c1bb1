package io.callmask.web;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code callmask.limits.*}: limits on what a request may send.
 *
 * @param maxBodyBytes the largest request body accepted on {@code /v1/**} and {@code /webhooks/**};
 *     our JSON and Twilio's form posts are a few hundred bytes, so anything near this is hostile
 */
@Validated
@ConfigurationProperties("callmask.limits")
public record LimitsProperties(DataSize maxBodyBytes) {

    public LimitsProperties {
        maxBodyBytes = maxBodyBytes == null ? DataSize.ofKilobytes(64) : maxBodyBytes;
        if (maxBodyBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("callmask.limits.max-body-bytes must be positive");
        }
    }
}
