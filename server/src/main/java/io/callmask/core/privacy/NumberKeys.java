package io.callmask.core.privacy;

import io.callmask.core.config.CallmaskProperties;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The keys that protect real numbers: AES-256 sealing keys by id (one active, older ones kept to
 * read values not yet rotated) and the HMAC lookup key. Configured keys win; with none configured
 * they are generated once into {@code <data-dir>/number-keys} (mode 600) and the log says where,
 * never what. Bad configuration stops the start with a message that names the setting, not the key.
 */
@Component
public class NumberKeys {

    static final String FILE_NAME = "number-keys";
    private static final Logger log = LoggerFactory.getLogger(NumberKeys.class);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final Map<String, SecretKey> sealingKeys;
    private final String activeKeyId;
    private final byte[] lookupKey;

    @Autowired
    public NumberKeys(CryptoProperties crypto, CallmaskProperties callmask) {
        this(crypto.unset() ? generated(callmask.dataDir()) : new Source("callmask.crypto.", crypto));
    }

    private NumberKeys(Source source) {
        CryptoProperties c = source.values();
        if (c.keys().isEmpty()) {
            throw invalid(source.prefix() + "keys is empty: configure at least one base64 32-byte key");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        c.keys().forEach((id, value) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw invalid("key id '" + id + "' in " + source.prefix() + "keys must be 1-32 letters, digits, - or _");
            }
            byte[] bytes = decode(source.prefix() + "keys." + id, value);
            if (bytes.length != 32) {
                throw invalid(source.prefix() + "keys." + id + " must be 32 bytes (AES-256), not " + bytes.length);
            }
            keys.put(id, new SecretKeySpec(bytes, "AES"));
        });
        if (c.activeKey().isEmpty()) {
            throw invalid(source.prefix() + "active-key is not set; it names one of " + keys.keySet());
        }
        if (!keys.containsKey(c.activeKey())) {
            throw invalid(source.prefix() + "active-key '" + c.activeKey() + "' is not one of the configured keys "
                    + keys.keySet());
        }
        byte[] lookup = decode(source.prefix() + "lookup-key", c.lookupKey());
        if (lookup.length < 32) {
            throw invalid(source.prefix() + "lookup-key must be at least 32 bytes, not " + lookup.length);
        }
        this.sealingKeys = Map.copyOf(keys);
        this.activeKeyId = c.activeKey();
        this.lookupKey = lookup;
    }

    /** Keys from explicit values, for tests and tools. */
    public static NumberKeys of(CryptoProperties crypto) {
        return new NumberKeys(new Source("callmask.crypto.", crypto));
    }

    String activeKeyId() {
        return activeKeyId;
    }

    SecretKey active() {
        return sealingKeys.get(activeKeyId);
    }

    /** The sealing key with this id; fails clearly when it is not configured (any more). */
    SecretKey sealing(String keyId) {
        SecretKey key = sealingKeys.get(keyId);
        if (key == null) {
            throw new UnknownKeyException(keyId, sealingKeys.keySet());
        }
        return key;
    }

    SecretKeySpec lookup() {
        return new SecretKeySpec(lookupKey, "HmacSHA256");
    }

    /** A new random key, base64: what an operator puts into {@code callmask.crypto.keys.<id>}. */
    public static String newKey(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static byte[] decode(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(setting + " is not set");
        }
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(value.strip());
            } catch (IllegalArgumentException notUrlSafe) {
                // The decoder's message quotes the offending character: leave it out.
                throw invalid(setting + " is not valid base64");
            }
        }
    }

    private static IllegalStateException invalid(String message) {
        return new IllegalStateException("Invalid number keys: " + message);
    }

    private static Source generated(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        String prefix = file.toAbsolutePath() + ": ";
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                Properties p = new Properties();
                p.setProperty("active-key", "k1");
                p.setProperty("keys.k1", newKey(32));
                p.setProperty("lookup-key", newKey(32));
                createOwnerOnly(file);
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    p.store(w, "callmask number keys. Keep secret and back up apart from the database:"
                            + " without them the stored numbers cannot be read.");
                }
                log.info("No callmask.crypto keys configured; generated number keys into {}", file.toAbsolutePath());
            } else {
                log.info("No callmask.crypto keys configured; using the number keys stored in {}", file.toAbsolutePath());
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<String, String> keys = new LinkedHashMap<>();
            p.stringPropertyNames().stream().filter(n -> n.startsWith("keys."))
                    .forEach(n -> keys.put(n.substring(5), p.getProperty(n)));
            return new Source(prefix, new CryptoProperties(keys, p.getProperty("active-key"), p.getProperty("lookup-key")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the number keys at " + file.toAbsolutePath(), e);
        }
    }

    /** Created readable by its owner only before any key is written into it. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file keeps the directory's permissions.
            Files.createFile(file);
        }
    }

    private record Source(String prefix, CryptoProperties values) {}
}
