package io.callmask.session;

import java.security.SecureRandom;

/**
 * Short numeric codes a hub party enters to pick the session. Random, so a code does not hint at
 * how many orders a retailer has; a code already used among the party's open hub sessions is
 * refused by the database, and session creation simply tries again.
 */
final class OrderCodes {

    private final SecureRandom random = new SecureRandom();
    private final int digits;
    private final int bound;

    OrderCodes(int digits) {
        this.digits = digits;
        this.bound = (int) Math.pow(10, digits);
    }

    String next() {
        return String.format("%0" + digits + "d", random.nextInt(bound));
    }
}
