package io.callmask.core.routing;

import io.callmask.core.number.PhoneNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code callmask.dial-in.*}: what callers hear when callmask cannot connect them, and what else
 * happens to a dial-in that no open session accepts.
 *
 * @param outOfSession {@code message}: speak; {@code forward}: speak, then connect to
 *     {@code supportNumber}; {@code callback}: speak, and POST the event to {@code callbackUrl}
 */
@Validated
@ConfigurationProperties("callmask.dial-in")
public record DialInProperties(@NotBlank String expiredMessage, @NotBlank String unknownCallerMessage,
        @NotBlank String calleeUnavailableMessage, @NotBlank String unavailableMessage,
        @NotBlank String rateLimitedMessage,
        @NotBlank String retailerBlockedMessage, @NotBlank String outsideHoursMessage,
        @NotNull OutOfSession outOfSession, String supportNumber, URI callbackUrl) {

    /** The choices for a dial-in that no open session accepts. */
    public enum OutOfSession { MESSAGE, FORWARD, CALLBACK }

    public DialInProperties {
        if (outOfSession == OutOfSession.FORWARD && !isE164(supportNumber)) {
            throw new IllegalArgumentException(
                    "callmask.dial-in.support-number must be an E.164 number when out-of-session is forward");
        }
        if (outOfSession == OutOfSession.CALLBACK && (callbackUrl == null || !callbackUrl.isAbsolute())) {
            throw new IllegalArgumentException(
                    "callmask.dial-in.callback-url must be an absolute URL when out-of-session is callback");
        }
    }

    private static boolean isE164(String number) {
        try {
            PhoneNumber.ofE164(number);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The message for a turned-away dial-in. */
    public String messageFor(RouteDecision.Reason reason) {
        return switch (reason) {
            case SESSION_ENDED -> expiredMessage;
            case RETAILER_BLOCKED -> retailerBlockedMessage;
            case OUTSIDE_HOURS -> outsideHoursMessage;
            case RATE_LIMITED -> rateLimitedMessage;
            default -> unknownCallerMessage;
        };
    }

    /** The number to forward a turned-away dial-in to, or null when it is not forwarded. */
    public String forwardTo(RouteDecision.Reason reason) {
        return outOfSession == OutOfSession.FORWARD && reason.outOfSession() ? supportNumber : null;
    }
}
