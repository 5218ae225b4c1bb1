package io.callmask.core.abuse;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.privacy.NumberHashes;
import org.springframework.stereotype.Component;

/**
 * How the abuse rules tell one customer (or any party) from another in the call log: the ONLY
 * place that knows which {@code parties} column identifies a party's real number. That is the
 * keyed hash ({@code real_number_hash}): it survives the retention purge of the sealed number and
 * groups the same customer across orders without ever holding the number.
 */
@Component
class CustomerIdentity {

    /** The column of {@code parties} that identifies a party's number; use as {@code p.} + COLUMN. */
    static final String COLUMN = "real_number_hash";

    private final NumberHashes hashes;

    CustomerIdentity(NumberHashes hashes) {
        this.hashes = hashes;
    }

    /** The value {@link #COLUMN} holds for this number, to match it in a query. */
    String columnValue(PhoneNumber number) {
        return hashes.of(number);
    }

    /** What an alert may store to group by customer: the column's value is already the keyed hash. */
    String subject(String columnValue) {
        return columnValue;
    }
}
