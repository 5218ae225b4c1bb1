package io.callmask.core.retention;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When personal data is purged, under {@code callmask.retention.*}.
 *
 * @param interval how often the job runs (once per cluster, whichever instance comes first)
 * @param after how long after a session ended its real numbers are kept
 */
@Validated
@ConfigurationProperties("callmask.retention")
public record RetentionProperties(@NotNull Duration interval, @NotNull Duration after) {

    public RetentionProperties {
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("callmask.retention.interval must be positive");
        }
        if (after != null && after.isNegative()) {
            throw new IllegalArgumentException("callmask.retention.after must not be negative");
        }
    }
}
