package io.callmask.routing;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code callmask.dial-in.*}: what callers hear when callmask cannot connect them. */
@Validated
@ConfigurationProperties("callmask.dial-in")
public record DialInProperties(@NotBlank String expiredMessage, @NotBlank String unknownCallerMessage,
        @NotBlank String calleeUnavailableMessage) {

    /** The message for a turned-away dial-in. */
    public String messageFor(RouteDecision.Reason reason) {
        return reason == RouteDecision.Reason.SESSION_ENDED ? expiredMessage : unknownCallerMessage;
    }
}
