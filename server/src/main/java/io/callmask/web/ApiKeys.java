package io.callmask.web;

import io.callmask.core.Caller;
import io.callmask.core.config.CallmaskProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The platform and operator keys. Configured keys win; with none configured (the embedded default),
 * a key of each kind is generated once into {@code <data-dir>/api-key} and
 * {@code <data-dir>/operator-key}, and the log says where it is, not what it is.
 */
@Component
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final List<byte[]> platformKeys;
    private final List<byte[]> operatorKeys;

    public ApiKeys(CallmaskProperties properties) {
        this.platformKeys = effective(properties.apiKeys(), properties.dataDir(), "api-key", "cm_");
        this.operatorKeys = effective(properties.operatorKeys(), properties.dataDir(), "operator-key", "cmo_");
    }

    /** The caller a key stands for: platform, operator, or none (an unknown key). */
    public Optional<Caller> identify(String candidate) {
        byte[] bytes = candidate.getBytes(StandardCharsets.UTF_8);
        if (matchesAny(operatorKeys, bytes)) {
            return Optional.of(Caller.operator(fingerprint(bytes)));
        }
        if (matchesAny(platformKeys, bytes)) {
            return Optional.of(Caller.platform(fingerprint(bytes)));
        }
        return Optional.empty();
    }

    /** The first 8 hex digits of the key's SHA-256: names a key in an audit trail without revealing it. */
    static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison against every key, so timing does not reveal a prefix. */
    private static boolean matchesAny(List<byte[]> keys, byte[] candidate) {
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, candidate);
        }
        return match;
    }

    private static List<byte[]> effective(List<String> configured, Path dataDir, String fileName, String prefix) {
        List<String> keys = configured.isEmpty()
                ? List.of(generatedKey(dataDir, fileName, prefix, "callmask." + fileName + "s"))
                : configured;
        return keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The secret in {@code <data-dir>/<fileName>}, generated (owner-only) on first use; logs where, never what. */
    static String generatedKey(Path dataDir, String fileName, String prefix, String setting) {
        Path file = dataDir.resolve(fileName);
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!key.isEmpty()) {
                    log.info("No {} configured; using the generated key stored in {}", setting, file.toAbsolutePath());
                    return key;
                }
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String key = prefix + HexFormat.of().formatHex(random);
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            restrictToOwner(file);
            log.info("No {} configured; generated a key into {}", setting, file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the generated key at " + file, e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the file keeps the directory's permissions.
        }
    }
}
