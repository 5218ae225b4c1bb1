package io.callmask.core.cost;

import java.math.BigDecimal;

/** Running sums over calls (a day's, a retailer's, a period's): filled in one pass, never a list. */
final class Tally {

    long calls;
    long answered;
    long talkSeconds;
    long billedSeconds;
    BigDecimal amount = BigDecimal.ZERO;

    void add(BigDecimal callAmount, long callBilledSeconds, boolean callAnswered, int callTalkSeconds) {
        calls++;
        answered += callAnswered ? 1 : 0;
        talkSeconds += callTalkSeconds;
        billedSeconds += callBilledSeconds;
        amount = amount.add(callAmount);
    }
}
