package io.callmask.tools.replay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Distinct, valid-looking Indian mobile numbers: {@code +91} then ten digits starting 6–9. */
final class IndianMobiles {

    private static final long SUBSCRIBER_RANGE = 1_000_000_000L;

    private IndianMobiles() {}

    /** {@code count} different numbers, in the order drawn, the same for the same random state. */
    static List<String> distinct(int count, SplittableRandom random) {
        Set<Long> seen = new HashSet<>(count * 2);
        List<String> numbers = new ArrayList<>(count);
        while (numbers.size() < count) {
            long national = (6 + random.nextInt(4)) * SUBSCRIBER_RANGE + random.nextLong(SUBSCRIBER_RANGE);
            if (seen.add(national)) {
                numbers.add("+91" + national);
            }
        }
        return numbers;
    }
}
