package io.callmask.core.directory;

/**
 * Published when an order's open sessions must end: the order left the active statuses, or its
 * retailer or customer number changed (a session must never keep connecting the old parties).
 */
public record OrderClosed(String orderId) {}
