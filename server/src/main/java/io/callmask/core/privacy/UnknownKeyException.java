package io.callmask.core.privacy;

import java.util.Set;

/** A sealed value names a key id that is not configured: its key was removed before rotation. */
public class UnknownKeyException extends IllegalStateException {

    UnknownKeyException(String keyId, Set<String> known) {
        super("A stored number is sealed under key '" + keyId + "', which is not configured (configured: "
                + known + "); add it back to callmask.crypto.keys and run rotate-keys before removing it");
    }
}
