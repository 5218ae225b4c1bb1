package io.callmask.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.core.config.CallmaskProperties;
import io.callmask.core.number.PhoneNumber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumberKeysTest {

    static final String K1 = NumberKeys.newKey(32);
    static final String LOOKUP = NumberKeys.newKey(32);

    @TempDir
    Path dataDir;

    private NumberKeys keys(CryptoProperties crypto) {
        return new NumberKeys(crypto, new CallmaskProperties(List.of(), List.of(), null, "IN", dataDir, null, null));
    }

    @Test
    void withNothingConfiguredKeysAreGeneratedOnceIntoAnOwnerOnlyFile() throws Exception {
        NumberKeys first = keys(new CryptoProperties(null, null, null));
        String sealed = new NumberVault(first).seal(PhoneNumber.ofE164("+919876543210"));

        Path file = dataDir.resolve("number-keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        NumberKeys again = keys(new CryptoProperties(null, null, null));
        assertThat(new NumberVault(again).open(sealed)).isEqualTo(PhoneNumber.ofE164("+919876543210"));
        assertThat(again.activeKeyId()).isEqualTo("k1");
    }

    @Test
    void anUnknownActiveKeyIsRefusedByName() {
        assertThatThrownBy(() -> keys(new CryptoProperties(Map.of("k1", K1), "k2", LOOKUP)))
                .hasMessage("Invalid number keys: callmask.crypto.active-key 'k2' is not one of the configured keys [k1]");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithoutItsValue() {
        String short16 = NumberKeys.newKey(16);
        assertThatThrownBy(() -> keys(new CryptoProperties(Map.of("k1", short16), "k1", LOOKUP)))
                .hasMessage("Invalid number keys: callmask.crypto.keys.k1 must be 32 bytes (AES-256), not 16")
                .hasMessageNotContaining(short16);
    }

    @Test
    void badBase64IsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> keys(new CryptoProperties(Map.of("k1", "not*base64!"), "k1", LOOKUP)))
                .hasMessage("Invalid number keys: callmask.crypto.keys.k1 is not valid base64")
                .hasNoCause();
    }

    @Test
    void aShortLookupKeyOrAMissingActiveKeyIsRefused() {
        assertThatThrownBy(() -> keys(new CryptoProperties(Map.of("k1", K1), "k1", NumberKeys.newKey(16))))
                .hasMessage("Invalid number keys: callmask.crypto.lookup-key must be at least 32 bytes, not 16");
        assertThatThrownBy(() -> keys(new CryptoProperties(Map.of("k1", K1), "", LOOKUP)))
                .hasMessage("Invalid number keys: callmask.crypto.active-key is not set; it names one of [k1]");
        assertThatThrownBy(() -> keys(new CryptoProperties(Map.of(), "", LOOKUP)))
                .hasMessageContaining("callmask.crypto.keys is empty");
    }

    @Test
    void thePropertiesNeverPrintKeyMaterial() {
        assertThat(new CryptoProperties(Map.of("k1", K1), "k1", LOOKUP).toString())
                .doesNotContain(K1).doesNotContain(LOOKUP).contains("k1");
    }
}
