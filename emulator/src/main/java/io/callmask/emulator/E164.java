package io.callmask.emulator;

import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** E.164 checks and country lookups, as Twilio does them on its side of the wire. */
final class E164 {

    private static final Pattern SHAPE = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private E164() {
    }

    /** True for a {@code +} followed by a possible number for its country code. */
    static boolean isValid(String number) {
        if (number == null || !SHAPE.matcher(number).matches()) {
            return false;
        }
        try {
            return UTIL.isPossibleNumber(UTIL.parse(number, null));
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** The number, or {@link BadRequestException} naming what was wrong. */
    static String require(String number, String what) {
        if (!isValid(number)) {
            // The input is not echoed: it may be somebody's real number.
            throw new BadRequestException(what + " must be an E.164 number: '+', the country code, then the number");
        }
        return number;
    }

    /** ISO region code as in Twilio's {@code FromCountry}/{@code ToCountry}; empty when unknown. */
    static String country(String number) {
        try {
            var parsed = UTIL.parse(number, null);
            String region = UTIL.getRegionCodeForNumber(parsed);
            if (region == null) {
                region = UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
            }
            return "ZZ".equals(region) ? "" : region;
        } catch (NumberParseException e) {
            return "";
        }
    }

    /** Twilio's {@code *_formatted} fields use the national format for the number's country. */
    static String formatted(String number) {
        try {
            var parsed = UTIL.parse(number, null);
            return UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
        } catch (NumberParseException e) {
            return number;
        }
    }
}
