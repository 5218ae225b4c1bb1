package io.callmask.core.pool;

import io.callmask.core.number.PhoneNumber;

/** One of the platform's rented numbers. */
public record PoolNumber(PhoneNumber number, String carrier, String region, State state, Kind kind) {

    /** A one-to-one masked number, or a hub shared by busy parties behind an order-code menu. */
    public enum Kind { POOL, HUB }

    /** Only active numbers are handed out. */
    public enum State { ACTIVE, COOLING_DOWN, RETIRED }
}
