package io.callmask.core.privacy;

import io.callmask.core.number.PhoneNumber;

/**
 * The keyed hash by which a real number is found without being stored in clear: the same number
 * always gives the same value on every instance, and the value reveals nothing without the key.
 * Use it wherever a number must be a lookup or grouping key (routing, rate limits, abuse rules).
 */
public interface NumberHashes {

    /** A short, URL-safe, deterministic digest of the number under the configured lookup key. */
    String of(PhoneNumber number);
}
