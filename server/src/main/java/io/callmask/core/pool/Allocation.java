package io.callmask.core.pool;

import io.callmask.core.number.PhoneNumber;

/**
 * The masked number given to one party. {@code onHub} when it is a shared hub number;
 * {@code shortBy} &gt; 0 when the party went to the hub only because the pool ran out, and by how
 * many numbers the pool was short for it.
 */
public record Allocation(PhoneNumber masked, boolean onHub, int shortBy) {}
