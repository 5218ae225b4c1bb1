package io.callmask.tools.replay;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks {@code 0..n-1} with probability proportional to {@code 1 / (rank + 1)^exponent}:
 * a few retailers get most orders, the long tail gets a handful each.
 */
final class ZipfPopularity {

    private final double[] cumulative;

    ZipfPopularity(int n, double exponent) {
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += Math.pow(rank + 1, -exponent);
            cumulative[rank] = sum;
        }
    }

    int next(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int found = Arrays.binarySearch(cumulative, u);
        int rank = found >= 0 ? found : -found - 1;
        // Rounding at the very top of the range must not step past the last rank.
        return Math.min(rank, cumulative.length - 1);
    }
}
