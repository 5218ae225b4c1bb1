package io.callmask.core.abuse;

import java.time.Instant;

/** A retailer blocked from placing calls until {@code blockedUntil}, by the alert that did it. */
public record Block(String retailerId, Instant blockedUntil, String rule, long alertId) {}
