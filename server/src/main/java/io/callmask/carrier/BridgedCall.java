package io.callmask.carrier;

import io.callmask.core.number.PhoneNumber;
import java.time.Duration;

/**
 * A click-to-call a {@link BridgingCarrier} places in one request: ring {@code caller}, then
 * {@code callee}, both showing {@code callerId} (these carriers take one caller ID for both legs: the
 * caller's masked number, which the carrier owns), reporting under {@code callId}.
 */
public record BridgedCall(String callId, PhoneNumber caller, PhoneNumber callee, PhoneNumber callerId,
        Duration ringTimeout, Duration timeLimit) {}
