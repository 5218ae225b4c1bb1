package io.callmask.core.directory;

import io.callmask.core.number.PhoneNumber;
import java.time.Instant;

/**
 * A seller on the platform, with the real number callmask rings for it. {@code callsPerHour}:
 * its own limit on calls started per hour, or null for {@code callmask.limits.retailer-calls-per-hour}.
 */
public record Retailer(String id, String name, PhoneNumber phone, Integer callsPerHour, Instant updatedAt) {}
