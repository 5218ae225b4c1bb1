package io.callmask.core.number;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void printsRedactedSoANumberInALogLineIsNeverInClear() {
        PhoneNumber number = PhoneNumber.ofE164("+919876543210");

        assertThat(number.toString()).isEqualTo("+91 98•••••210");
        assertThat("calling " + number).doesNotContain("9876543210");
        assertThat(number.e164()).isEqualTo("+919876543210");
    }

    @Test
    void redactsOtherCountriesByTheirOwnCountryCode() {
        assertThat(Redaction.redact("+14155550100")).isEqualTo("+1 41•••••100");
        assertThat(Redaction.redact("not a number")).isEqualTo("•••");
    }

    @Test
    void acceptsOnlyE164() {
        assertThatThrownBy(() -> PhoneNumber.ofE164("9876543210")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an E.164 number");
        assertThatThrownBy(() -> PhoneNumber.ofE164("+0123456789")).isInstanceOf(IllegalArgumentException.class);
    }
}
