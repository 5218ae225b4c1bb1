package io.callmask.abuse;

import io.callmask.number.PhoneNumber;
import io.callmask.privacy.NumberHashes;
import org.springframework.stereotype.Component;

/**
 * How the abuse rules tell one customer (or any party) from another in the call log: the ONLY
 * place that knows which {@code parties} column identifies a party's real number. Today that is
 * {@code real_number} (E.164 in clear); when numbers are sealed at rest it becomes the keyed hash
 * column, {@link #COLUMN} names it and {@link #columnValue}/{@link #subject} pass the hash through.
 */
@Component
class CustomerIdentity {

    /** The column of {@code parties} that identifies a party's number; use as {@code p.} + COLUMN. */
    static final String COLUMN = "real_number";

    private final NumberHashes hashes;

    CustomerIdentity(NumberHashes hashes) {
        this.hashes = hashes;
    }

    /** The value {@link #COLUMN} holds for this number, to match it in a query. */
    String columnValue(PhoneNumber number) {
        return number.e164();
    }

    /** What an alert may store to group by customer: the keyed hash, never the number. */
    String subject(String columnValue) {
        return hashes.of(PhoneNumber.ofE164(columnValue));
    }
}
