package io.callmask.core.session;

import java.security.SecureRandom;

/**
 * Short numeric codes a hub party enters to pick the session. Random, so a code does not hint at
 * how many orders a retailer has. A code must be unique among the party's open hub sessions (the
 * database refuses a repeat and creation tries again), so codes grow with the party's load: at
 * most about a tenth of the code space is ever in use, and a random pick rarely collides.
 */
final class OrderCodes {

    private final SecureRandom random = new SecureRandom();
    private final int minDigits;

    OrderCodes(int minDigits) {
        this.minDigits = minDigits;
    }

    /** A code for a new session of a party that already has {@code openSessions} open. */
    String next(int openSessions) {
        int digits = Math.min(8, Math.max(minDigits, (int) Math.ceil(Math.log10((openSessions + 1) * 10.0))));
        int bound = (int) Math.pow(10, digits);
        String code = Integer.toString(random.nextInt(bound));
        return "0".repeat(digits - code.length()) + code;
    }
}
