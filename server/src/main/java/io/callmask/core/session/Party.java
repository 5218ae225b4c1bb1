package io.callmask.core.session;

import io.callmask.core.number.PhoneNumber;

/**
 * One side of a session. {@code masked} is the number this party dials and sees as caller ID;
 * {@code real} is never shown to the other party. A party {@code onHub} shares its masked number
 * (a hub) with its other sessions and picks the session by order code when it dials in.
 * {@code real} is null once the retention job has purged it, long after the session ended.
 */
public record Party(int position, String role, String externalId, PhoneNumber real, PhoneNumber masked,
        boolean onHub) {}
