package io.callmask.core.privacy;

import io.callmask.core.number.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 of the E.164 number under the lookup key, base64url without padding (43
 * characters). Deterministic on every instance, and without the key it does not lead back to the
 * number (an unkeyed hash would: phone numbers are few enough to try them all).
 */
@Component
class KeyedNumberHashes implements NumberHashes {

    private final Mac prototype;

    KeyedNumberHashes(NumberKeys keys) {
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(keys.lookup());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String of(PhoneNumber number) {
        try {
            Mac mac = (Mac) prototype.clone();
            byte[] digest = mac.doFinal(number.e164().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
