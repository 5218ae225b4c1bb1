package io.callmask.session;

import io.callmask.number.PhoneNumber;

/**
 * One side of a session. {@code masked} is the number this party dials and sees as caller ID;
 * {@code real} is never shown to the other party.
 */
public record Party(int position, String role, String externalId, PhoneNumber real, PhoneNumber masked) {}
