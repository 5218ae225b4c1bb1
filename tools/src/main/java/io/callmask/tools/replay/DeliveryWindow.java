package io.callmask.tools.replay;

import java.util.SplittableRandom;

/**
 * How long an order's session stays open: until its delivery window ends. A mixture of three
 * kinds of order, each uniform within its window, so every length lies in 30 min–24 h.
 */
enum DeliveryWindow {

    /** Quick commerce: groceries in under an hour. */
    QUICK(0.45, 30 * 60, 60 * 60),
    /** Same-day delivery. */
    SAME_DAY(0.35, 2 * 3_600, 8 * 3_600),
    /** Next-day delivery, the session kept open until the window closes. */
    NEXT_DAY(0.20, 8 * 3_600, 24 * 3_600);

    private static final DeliveryWindow[] KINDS = values();

    private final double share;
    private final long minS;
    private final long maxS;

    DeliveryWindow(double share, long minS, long maxS) {
        this.share = share;
        this.minS = minS;
        this.maxS = maxS;
    }

    /** Draws a kind of order by its share, then a session length in seconds within its window. */
    static long drawLengthS(SplittableRandom random) {
        double u = random.nextDouble();
        DeliveryWindow kind = NEXT_DAY;
        for (DeliveryWindow candidate : KINDS) {
            if (u < candidate.share) {
                kind = candidate;
                break;
            }
            u -= candidate.share;
        }
        return random.nextLong(kind.minS, kind.maxS + 1);
    }

    long minS() {
        return minS;
    }

    long maxS() {
        return maxS;
    }
}
