package io.callmask.directory;

import io.callmask.number.PhoneNumber;
import java.time.Instant;

/** A seller on the platform, with the real number callmask rings for it. */
public record Retailer(String id, String name, PhoneNumber phone, Instant updatedAt) {}
