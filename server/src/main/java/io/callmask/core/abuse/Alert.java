package io.callmask.core.abuse;

import java.time.Instant;

/** A rule hit, as stored and shown to the platform and operators. {@code detail} never holds a number. */
public record Alert(long id, String rule, String retailerId, String sessionId, String callId, String detail,
        Instant createdAt, Instant blockedUntil) {}
