package io.callmask.core.audit;

import io.callmask.core.Caller;
import java.time.Instant;

/**
 * One audited action: who ({@code actor}, a key fingerprint or retailer id from
 * {@code Caller.label()}), what ({@code action}, e.g. {@code recording.read}), on which id, when and
 * from which address.
 */
public record AuditEntry(long id, String actor, String action, String targetId, Instant at, String remoteAddress) {}
