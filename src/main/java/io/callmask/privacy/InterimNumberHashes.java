package io.callmask.privacy;

import io.callmask.number.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** Unkeyed stand-in until the keyed implementation lands; never ship with this. */
@Component
class InterimNumberHashes implements NumberHashes {

    @Override
    public String of(PhoneNumber number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(number.e164().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
