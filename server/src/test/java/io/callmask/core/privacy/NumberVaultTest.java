package io.callmask.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.core.number.PhoneNumber;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumberVaultTest {

    static final String K1 = NumberKeys.newKey(32);
    static final String K2 = NumberKeys.newKey(32);
    static final String LOOKUP = NumberKeys.newKey(32);
    static final PhoneNumber NUMBER = PhoneNumber.ofE164("+919876543210");

    static NumberVault vault(Map<String, String> keys, String active) {
        return new NumberVault(NumberKeys.of(new CryptoProperties(keys, active, LOOKUP)));
    }

    @Test
    void sealedValueNamesItsKeyAndOpensToTheNumber() {
        NumberVault vault = vault(Map.of("k1", K1), "k1");

        String sealed = vault.seal(NUMBER);

        assertThat(sealed).startsWith("k1:").doesNotContain("9876543210");
        // 12-byte nonce + 13 bytes of ciphertext + 16-byte tag, base64url without padding.
        assertThat(Base64.getUrlDecoder().decode(sealed.substring(3))).hasSize(12 + 13 + 16);
        assertThat(vault.open(sealed)).isEqualTo(NUMBER);
    }

    @Test
    void theSameNumberSealsDifferentlyEachTime() {
        NumberVault vault = vault(Map.of("k1", K1), "k1");

        assertThat(vault.seal(NUMBER)).isNotEqualTo(vault.seal(NUMBER));
    }

    @Test
    void anOldKeyStillOpensWhileTheActiveOneSealsAndRotationIsNeededOnlyForOldValues() {
        String underK1 = vault(Map.of("k1", K1), "k1").seal(NUMBER);
        NumberVault rotated = vault(Map.of("k1", K1, "k2", K2), "k2");

        assertThat(rotated.open(underK1)).isEqualTo(NUMBER);
        assertThat(rotated.needsRotation(underK1)).isTrue();
        assertThat(rotated.seal(NUMBER)).startsWith("k2:");
        assertThat(rotated.needsRotation(rotated.seal(NUMBER))).isFalse();
    }

    @Test
    void aValueUnderAnUnknownKeyFailsClearlyWithoutTheKeyMaterial() {
        String underK1 = vault(Map.of("k1", K1), "k1").seal(NUMBER);

        assertThatThrownBy(() -> vault(Map.of("k2", K2), "k2").open(underK1))
                .isInstanceOf(UnknownKeyException.class)
                .hasMessageContaining("sealed under key 'k1', which is not configured (configured: [k2])")
                .hasMessageNotContaining(K2);
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        NumberVault vault = vault(Map.of("k1", K1), "k1");
        String sealed = vault.seal(NUMBER);
        // A character inside the Base64 text: all six of its bits are data. The last one's low bits may be padding
        // that decodes to the same bytes (the test then failed one run in sixteen, when it ended in 'A').
        int i = sealed.indexOf(':') + 10;
        char c = sealed.charAt(i);
        String altered = sealed.substring(0, i) + (c == 'A' ? 'B' : 'A') + sealed.substring(i + 1);

        assertThatThrownBy(() -> vault.open(altered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void aKeyOfTheSameIdButOtherBytesDoesNotOpenIt() {
        String sealed = vault(Map.of("k1", K1), "k1").seal(NUMBER);

        assertThatThrownBy(() -> vault(Map.of("k1", K2), "k1").open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nullStaysNullForPurgedColumns() {
        NumberVault vault = vault(Map.of("k1", K1), "k1");

        assertThat(vault.open(null)).isNull();
        assertThat(vault.sealOrNull(null)).isNull();
    }

    @Test
    void lookupHashesAreKeyedDeterministicAndUrlSafe() {
        var hashes = new KeyedNumberHashes(NumberKeys.of(new CryptoProperties(Map.of("k1", K1), "k1", LOOKUP)));
        var otherKey = new KeyedNumberHashes(NumberKeys.of(new CryptoProperties(Map.of("k1", K1), "k1",
                NumberKeys.newKey(32))));

        assertThat(hashes.of(NUMBER)).isEqualTo(hashes.of(PhoneNumber.ofE164("+919876543210")))
                .hasSize(43).matches("[A-Za-z0-9_-]+")
                .isNotEqualTo(hashes.of(PhoneNumber.ofE164("+919876543211")))
                .isNotEqualTo(otherKey.of(NUMBER));
    }
}
