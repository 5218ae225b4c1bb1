package io.callmask.core.privacy;

import io.callmask.core.number.PhoneNumber;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start-up, compares this instance's keys with check values in the database: the lookup key's
 * hash of a fixed canary, and a canary sealed under each key id. The first instance writes them;
 * an instance with other keys (say, its own generated key file on a shared database) stops with a
 * clear message instead of hashing numbers differently and breaking routing.
 */
@Component
class KeyCheck implements InitializingBean {

    /** A reserved fiction number, never a real party. */
    private static final PhoneNumber CANARY = PhoneNumber.ofE164("+14155550199");

    private final JdbcClient jdbc;
    private final NumberHashes hashes;
    private final NumberVault vault;

    KeyCheck(JdbcClient jdbc, NumberHashes hashes, NumberVault vault) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.vault = vault;
    }

    @Override
    public void afterPropertiesSet() {
        String lookup = stored("lookup", hashes.of(CANARY));
        if (!lookup.equals(hashes.of(CANARY))) {
            throw new IllegalStateException("callmask.crypto.lookup-key differs from the one this database's numbers"
                    + " were hashed with; every instance must use the same keys");
        }
        String sealed = stored("seal:" + vault.activeKeyId(), vault.seal(CANARY));
        try {
            if (CANARY.equals(vault.open(sealed))) {
                return;
            }
        } catch (IllegalStateException wrongKey) {
            // reported below
        }
        throw new IllegalStateException("callmask.crypto.keys." + vault.activeKeyId() + " differs from the key of"
                + " that id that sealed this database's numbers; every instance must use the same keys");
    }

    private String stored(String name, String candidate) {
        var existing = jdbc.sql("select check_value from number_key_checks where name = ?").param(name)
                .query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("insert into number_key_checks (name, check_value) values (?, ?)").params(name, candidate).update();
            return candidate;
        } catch (DuplicateKeyException anotherInstanceWroteIt) {
            return jdbc.sql("select check_value from number_key_checks where name = ?").param(name).query(String.class).single();
        }
    }
}
