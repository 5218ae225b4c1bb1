package io.callmask.core.call;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code callmask.calls.*}: how long phones ring and how long a bridged call may last. */
@Validated
@ConfigurationProperties("callmask.calls")
public record CallProperties(@NotNull Duration ringTimeout, @NotNull Duration timeLimit) {}
