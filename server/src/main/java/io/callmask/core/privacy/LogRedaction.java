package io.callmask.core.privacy;

import io.callmask.core.number.Redaction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks whatever looks like a phone number in free text: an E.164 number ({@code +}, or {@code %2B}
 * in a URL, and 7 to 15 digits, spaces allowed) or a run of 10 or more digits (single spaces
 * allowed). Digits inside a word (an id such as {@code ses_0123456789ab}) are left alone. The safety net
 * under the log layout: code must not log numbers, this catches the ones it does by mistake.
 */
public final class LogRedaction {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w+%])(?:(?:\\+|%2[Bb])\\d(?: ?\\d){6,16}|\\d(?: ?\\d){9,17})(?!\\w)");

    private LogRedaction() {}

    public static String redact(String text) {
        if (text == null || text.length() < 8) {
            return text;
        }
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static String mask(String found) {
        String digits = found.replace(" ", "").replace("%2B", "+").replace("%2b", "+");
        if (digits.startsWith("+")) {
            return Redaction.redact(digits);
        }
        return digits.substring(0, 2) + "•".repeat(digits.length() - 5) + digits.substring(digits.length() - 3);
    }
}
