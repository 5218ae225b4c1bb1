package io.callmask.core.routing;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code callmask.hub.*}: what hub parties hear. {@code whisperMessage} may hold
 * {@code {reference}}, the session's reference (the order id).
 */
@Validated
@ConfigurationProperties("callmask.hub")
public record HubProperties(boolean whisper, @NotBlank String whisperMessage, @NotBlank String menuPrompt,
        @NotBlank String retryPrompt, @NotBlank String goodbyeMessage) {

    public String whisperFor(String reference) {
        // Digits spaced out, so "1042" is read "one zero four two", not "one thousand forty-two".
        return whisperMessage.replace("{reference}", reference.replaceAll("(\\d)(?=\\d)", "$1 "));
    }
}
