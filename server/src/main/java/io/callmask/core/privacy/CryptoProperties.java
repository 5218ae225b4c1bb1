package io.callmask.core.privacy;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for real numbers at rest, under {@code callmask.crypto.*}. With none of them set (the
 * embedded default) keys are generated once into {@code <data-dir>/number-keys}. {@link #toString()}
 * never shows key material, so a binding error or a debug dump cannot print it.
 *
 * @param keys encryption keys by key id, each a base64 32-byte AES-256 key; old ones stay listed
 *     until {@code rotate-keys} has moved every value to the active key
 * @param activeKey the id of the key new values are sealed under
 * @param lookupKey base64 key (at least 32 bytes) of the HMAC-SHA256 lookup hashes; it does not rotate
 */
@ConfigurationProperties("callmask.crypto")
public record CryptoProperties(Map<String, String> keys, String activeKey, String lookupKey) {

    public CryptoProperties {
        keys = keys == null ? Map.of() : new TreeMap<>(keys);
        activeKey = activeKey == null ? "" : activeKey.strip();
        lookupKey = lookupKey == null ? "" : lookupKey.strip();
    }

    /** Nothing configured: use (or create) the generated key file. */
    boolean unset() {
        return keys.isEmpty() && activeKey.isEmpty() && lookupKey.isEmpty();
    }

    @Override
    public String toString() {
        return "CryptoProperties[keys=" + keys.keySet() + ", activeKey=" + activeKey + ", lookupKey=(hidden)]";
    }
}
