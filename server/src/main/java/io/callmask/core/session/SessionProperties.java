package io.callmask.core.session;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code callmask.session.*}: how long sessions live and how often expiry runs. */
@Validated
@ConfigurationProperties("callmask.session")
public record SessionProperties(@NotNull Duration defaultTtl, @NotNull Duration maxTtl,
        @NotNull Duration expiryInterval) {

    public SessionProperties {
        if (defaultTtl != null && maxTtl != null && (defaultTtl.isNegative() || defaultTtl.isZero()
                || defaultTtl.compareTo(maxTtl) > 0)) {
            throw new IllegalArgumentException("callmask.session.default-ttl must be positive and at most max-ttl");
        }
    }
}
