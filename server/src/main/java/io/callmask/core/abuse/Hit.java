package io.callmask.core.abuse;

import java.time.Instant;

/**
 * A rule's decision that a retailer crossed its threshold: what the alert will say and which
 * window of calls it used up. {@code dedupKey} names the window, so the same window raises one
 * alert however often, and on however many instances, it is evaluated.
 *
 * @param subject what the rule counts per (a customer's keyed hash, an order id), or ''
 * @param windowEnd the latest counted call's time; the next alert counts only later calls
 */
record Hit(Rule rule, String retailerId, String sessionId, String callId, String subject, Instant windowEnd,
        String dedupKey, String detail) {}
