package io.callmask.carrier;

import io.callmask.core.number.PhoneNumber;
import java.time.Duration;

/** A first leg to place: ring {@code to}, show {@code callerId}, report under {@code callId}. */
public record OutboundCall(String callId, PhoneNumber to, PhoneNumber callerId, Duration ringTimeout,
        Duration timeLimit) {}
