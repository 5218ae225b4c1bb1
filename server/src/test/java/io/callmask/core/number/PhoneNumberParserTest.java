package io.callmask.core.number;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.core.config.CallmaskProperties;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberParserTest {

    private final PhoneNumberParser parser =
            new PhoneNumberParser(new CallmaskProperties(List.of(), List.of(), null, "IN", Path.of("data"), List.of(), List.of()));

    @ParameterizedTest
    @ValueSource(strings = {"9876543210", "09876543210", "+91 98765 43210", "+91-98765-43210", "91 98765 43210",
            "919876543210", "0091 98765 43210"})
    void readsTheWaysPeopleWriteAnIndianMobile(String written) {
        assertThat(parser.parse("phone", written).e164()).isEqualTo("+919876543210");
    }

    @ParameterizedTest
    @ValueSource(strings = {"091-98765-43210", "0000000000", "12", "+0", "abcdefghij", "123456789012345678901234567890",
            "+91 98765", "+1 415 555 01"})
    void refusesWhatIsNotAValidNumberNamingTheFieldButNotTheNumber(String written) {
        assertThatThrownBy(() -> parser.parse("customerPhone", written))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessageStartingWith("'customerPhone' ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aMissingNumberIsRequired(String written) {
        assertThatThrownBy(() -> parser.parse("phone", written)).hasMessage("'phone' is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 415 555 0100", "+44 20 7946 0958"})
    void keepsOtherCountriesWhenWrittenWithTheirCode(String written) {
        assertThat(parser.parse("phone", written).e164()).startsWith("+").doesNotStartWith("+91");
    }

    /** The shortcut for countries with one region must answer what libphonenumber's full parse answers. */
    @ParameterizedTest
    @ValueSource(strings = {"+919876543210", "+918047180000", "+14155550100", "+12125550100", "+16135550100",
            "+18765550100", "+442071234567", "+441481712345", "+74951234567", "+77011234567", "+61291234567",
            "+80012345678", "+97150123456", "+9779841234567", "+3906698", "+390669812345", "+2125221234567",
            "+19999999999"})
    void regionOfAnswersAsTheFullParseDoes(String e164) throws Exception {
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        String full = util.getRegionCodeForNumber(util.parse(e164, "ZZ"));
        assertThat(PhoneNumberParser.regionOf(PhoneNumber.ofE164(e164))).isEqualTo(full == null ? "ZZ" : full);
    }
}
