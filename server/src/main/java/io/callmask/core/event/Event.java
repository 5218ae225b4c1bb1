package io.callmask.core.event;

import java.time.Instant;

/** Something the platform should know about. The detail never holds a real number. */
public record Event(long id, String type, String sessionId, String callId, String detail, Instant createdAt) {}
