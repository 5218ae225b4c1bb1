package io.callmask.web;

import io.callmask.CallmaskProperties;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The platform API keys. Configured keys win; with none configured (the embedded default), a key
 * is generated once into {@code <data-dir>/api-key} and the log says where it is, not what it is.
 */
@Component
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final List<byte[]> keys;

    public ApiKeys(CallmaskProperties properties) {
        List<String> configured = properties.apiKeys();
        List<String> effective = configured.isEmpty() ? List.of(generatedKey(properties.dataDir())) : configured;
        this.keys = effective.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Constant-time comparison against every key, so timing does not reveal a prefix. */
    public boolean accepts(String candidate) {
        byte[] bytes = candidate.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, bytes);
        }
        return match;
    }

    private static String generatedKey(Path dataDir) {
        Path file = dataDir.resolve("api-key");
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!key.isEmpty()) {
                    log.info("No callmask.api-keys configured; using the generated key stored in {}", file.toAbsolutePath());
                    return key;
                }
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String key = "cm_" + HexFormat.of().formatHex(random);
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            restrictToOwner(file);
            log.info("No callmask.api-keys configured; generated an API key into {}", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the generated API key at " + file, e);
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
