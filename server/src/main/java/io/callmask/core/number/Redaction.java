package io.callmask.core.number;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** Turns a real number into the form people may see: {@code +91 98•••••210}. */
public final class Redaction {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Redaction() {}

    /** Redacts an E.164 string; anything unparseable is hidden completely. */
    public static String redact(String e164) {
        if (e164 == null || e164.isBlank()) {
            return "";
        }
        try {
            var parsed = UTIL.parse(e164, "ZZ");
            String national = UTIL.getNationalSignificantNumber(parsed);
            if (national.length() < 6) {
                return "+" + parsed.getCountryCode() + " " + "•".repeat(national.length());
            }
            return "+" + parsed.getCountryCode() + " " + national.substring(0, 2)
                    + "•".repeat(national.length() - 5) + national.substring(national.length() - 3);
        } catch (NumberParseException e) {
            return "•••";
        }
    }
}
