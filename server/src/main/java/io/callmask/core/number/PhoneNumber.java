package io.callmask.core.number;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form, made only by {@link PhoneNumberParser} or from a stored value.
 * {@link #toString()} is redacted on purpose: a number that slips into a log line or an error
 * message by accident shows as {@code +91 98•••••210}, never in clear. Use {@link #e164()} where
 * the real value is meant (the carrier, the database).
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number");
        }
    }

    /** Reads a value that was stored or configured in E.164 form. */
    public static PhoneNumber ofE164(String e164) {
        return new PhoneNumber(e164);
    }

    /** The masked form shown to people: country code, two leading digits, the last three. */
    public String redacted() {
        return Redaction.redact(e164);
    }

    @Override
    public String toString() {
        return redacted();
    }
}
