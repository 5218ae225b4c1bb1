package io.callmask.core.number;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import io.callmask.core.config.CallmaskProperties;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads numbers as people write them ({@code 98765 43210}, {@code +91-98765-43210},
 * {@code 0091 …}) into E.164 with libphonenumber. Validity is the check, not the number type:
 * some valid Indian numbers come back as fixed line. Errors name the field, never the number.
 */
@Component
public class PhoneNumberParser {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT_LENGTH = 32;

    private final String defaultRegion;

    public PhoneNumberParser(CallmaskProperties properties) {
        this.defaultRegion = properties.defaultRegion();
    }

    /**
     * @param field the request field, named in the error
     * @throws InvalidPhoneNumberException when the text is not a valid, dialable number
     */
    public PhoneNumber parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPhoneNumberException(field, "is required");
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            throw new InvalidPhoneNumberException(field, "is too long to be a phone number");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            // libphonenumber skips trailing junk, so "+91 98765 43210\0" would otherwise pass.
            throw new InvalidPhoneNumberException(field, "is not a phone number");
        }
        try {
            var parsed = UTIL.parse(text, defaultRegion);
            if (!UTIL.isValidNumber(parsed)) {
                throw new InvalidPhoneNumberException(field,
                        "is not a valid phone number (check the country code and the number of digits)");
            }
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException(field, "is not a phone number");
        }
    }

    /**
     * The ISO region of a number, e.g. {@code IN}, or {@code ZZ} when unknown. A country code that
     * only one region uses answers without parsing the number (libphonenumber answers the same).
     */
    public static String regionOf(PhoneNumber number) {
        String e164 = number.e164();
        // Country codes are prefix-free: the first one to three digits that name one are it.
        for (int digits = 1; digits <= 3 && digits < e164.length(); digits++) {
            int code = Integer.parseInt(e164, 1, 1 + digits, 10);
            List<String> regions = UTIL.getRegionCodesForCountryCode(code);
            if (!regions.isEmpty()) {
                if (regions.size() == 1) {
                    return regions.get(0);
                }
                break;
            }
        }
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
            return region == null ? "ZZ" : region;
        } catch (NumberParseException e) {
            return "ZZ";
        }
    }
}
