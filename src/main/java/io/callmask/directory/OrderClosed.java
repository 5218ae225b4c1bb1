package io.callmask.directory;

/** Published when an order leaves the active statuses: its sessions must end, calls stop. */
public record OrderClosed(String orderId) {}
