package io.callmask.tools.replay;

import java.util.SplittableRandom;

/**
 * When in an Indian day orders are placed: relative weights per hour (IST, trace time 0 is
 * midnight), quiet from 01:00 to 07:00, a lunch peak around 12:00–14:00 and the evening peak
 * around 19:00–22:00. Arrivals are uniform within an hour.
 */
final class DiurnalCurve {

    static final int DAY_S = 86_400;

    // Index = hour of day. Shaped after quick-commerce and food-delivery order curves in Indian cities.
    private static final double[] HOURLY_WEIGHT = {
        3.0, 1.5, 0.8, 0.6, 0.5, 0.7, 1.5, 3.0,  // 00–07: night, waking up
        4.5, 5.5, 6.5, 7.5, 9.0, 9.5, 8.5, 6.5,  // 08–15: morning, lunch peak
        5.5, 6.0, 7.0, 9.0, 10.0, 10.0, 9.0, 5.5, // 16–23: evening peak
    };

    private final double[] cumulative = new double[HOURLY_WEIGHT.length];

    DiurnalCurve() {
        double sum = 0;
        for (int hour = 0; hour < HOURLY_WEIGHT.length; hour++) {
            sum += HOURLY_WEIGHT[hour];
            cumulative[hour] = sum;
        }
    }

    /** A second of the day, {@code 0..86399}, drawn from the curve. */
    long arrivalSecond(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int hour = 0;
        while (hour < cumulative.length - 1 && u >= cumulative[hour]) {
            hour++;
        }
        return hour * 3_600L + random.nextInt(3_600);
    }
}
