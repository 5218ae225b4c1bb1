package io.callmask.pool;

import io.callmask.number.PhoneNumber;

/** One of the platform's rented numbers. */
public record PoolNumber(PhoneNumber number, String carrier, String region, State state) {

    /** Only active numbers are handed out. */
    public enum State { ACTIVE, COOLING_DOWN, RETIRED }
}
