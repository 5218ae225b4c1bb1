package io.callmask.core.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open key of a session: SHA-256 of its reference and its parties' roles and keyed number
 * hashes, so a repeated create finds the open session. Built from the keyed hashes, never from
 * the numbers: an unkeyed digest of a known reference and a phone number is easy to reverse.
 */
public final class OpenKeys {

    private OpenKeys() {}

    /** {@code numberHashByRole}: each party's role and {@code NumberHashes#of} its number. */
    public static String of(String reference, Map<String, String> numberHashByRole) {
        StringBuilder key = new StringBuilder(reference);
        new TreeMap<>(numberHashByRole).forEach((role, hash) -> key.append('\0').append(role).append('\0').append(hash));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
