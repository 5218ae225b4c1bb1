package io.callmask.core.recording;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * {@code callmask.recording.*}: whether sessions record their calls when a request does not say,
 * and the notice both parties hear before a recorded call is connected.
 *
 * @param byDefault {@code callmask.recording.default}: record sessions that do not say
 * @param consentMessage spoken to the caller before the dial and to the callee before the bridge
 */
@Validated
@ConfigurationProperties("callmask.recording")
public record RecordingProperties(@Name("default") boolean byDefault, @NotBlank String consentMessage) {}
