package io.callmask.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, valid Indian mobile numbers, so tests sharing one application never share a phone.
 * They start with +91 9 and are fixtures only.
 */
public final class TestNumbers {

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000) * 1000);

    private TestNumbers() {}

    public static String mobile() {
        return String.format("+919%09d", NEXT.incrementAndGet() % 1_000_000_000);
    }

    /** A valid United States number (the 555-01xx block is reserved for fiction). */
    public static String american() {
        return String.format("+141555501%02d", NEXT.incrementAndGet() % 100);
    }
}
