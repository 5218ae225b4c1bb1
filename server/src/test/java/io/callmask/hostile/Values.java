package io.callmask.hostile;

import io.callmask.core.Ids;
import java.util.List;

/** The hostile values, by what they attack. */
final class Values {

    private Values() {}

    static final String LONG_100K = "A".repeat(100_000);

    /** Not a usable phone number in any reading. */
    static final List<String> INVALID_NUMBERS = List.of(
            "100", "*121#", "+0919876543210", "+0", "abcdefghij", "+91 98765 4321O", "123456789012345678901234567890",
            "", "   ", "+91", "+", "00", "+999123456789", "+91 98765 43210\u0000", "9876543210' OR 1=1 --",
            "+91 98765 43210\r\nX-Injected: 1", "+91" + "9".repeat(40), "\u0000", "+91 ９８７６５ ABCDE");

    /**
     * May be a valid number (another country, an extension, non-ASCII digits, padding, bidi marks):
     * refused or normalised, never a crash and never echoed.
     */
    static final List<String> EXOTIC_NUMBERS = List.of(
            "+14155550123", "+442079460958", "+971501234567", "+8613800138000", "+91 98765 43210 ext. 12",
            "+91 98765 43210;ext=12", "\u0669\u0668\u0667\u0666\u0665\u0664\u0663\u0662\u0661\u0660",
            "\uFF19\uFF18\uFF17\uFF16\uFF15\uFF14\uFF13\uFF12\uFF11\uFF10", "  +91 98765 43210  ",
            "\u200F+919876543210\u200F", "\u202E+919876543210", "+91-98765-43210", "0091 98765 43210",
            "(+91) 98765 43210", "tel:+91-98765-43210");

    /** Injection and encoding tricks for every string field and parameter. */
    static final List<String> INJECTIONS = List.of(
            "' OR 1=1 --", "\"; drop table sessions; --", "'; delete from retailers; --", "1; select pg_sleep(5)",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "${jndi:ldap://x/a}", "{{7*7}}", "#{7*7}",
            "../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "\u0000", "a\r\nX-Injected: 1", "\r\n\r\n<html>",
            "\uD83D\uDE00\uD83D\uDD25", "e\u0301\u0301\u0301\u0301", "\u202Eevil", "\uD800", " ", "", "null",
            LONG_100K, "\uFEFFbom");

    /** Ids that break the id pattern. */
    static final List<String> BAD_IDS = List.of(
            "a".repeat(65), "-leading-dash", "has space", "\u00e4\u00f6\u00fc", "a/b", "a\\b", ".", "..", "*", "a%2Fb",
            "ses_" + "0".repeat(200));

    static final List<String> UNKNOWN_ENUMS = List.of(
            "PLACED", "unknown", "placed ", " placed", "out-for-delivery", "1", "null", "Placed", "shipped",
            "p\u0131aced" /* dotless i */);

    /** JSON literals for a TTL in seconds. */
    static final List<String> TTLS = List.of(
            "-1", "0", "9e18", "1e309", "-1e309", "\"abc\"", "9223372036854775807", "-9223372036854775808",
            "99999999999999999999", "2592001", "true", "[]", "{}", "\"\"", "1e-309", "\"60s\"");

    /** Integers as query or form text. */
    static final List<String> INTEGERS = List.of(
            "-1", "0", "abc", "99999999999", "2147483648", "1e3", "", " ", "0x10", "\u0661\u0662", "1.5", "+-1",
            "9".repeat(400));

    static final List<String> SIDS = List.of(
            "' OR 1=1 --", "CA" + "f".repeat(100), "<script>alert(1)</script>", "CA\u0000", "CA 123", "",
            "CA" + "\uD83D\uDE00", "../../etc/passwd", "a\r\nX-Injected: 1");

    static final List<String> DIGITS = List.of(
            "1".repeat(10_000), "abc", "*#*#", "' OR 1=1 --", "-1", "\u0661\u0662\u0663\u0664", "9".repeat(40), " ");

    static final List<String> URLS = List.of(
            "javascript:alert(1)", "file:///etc/passwd", "not a url", "http://[::1", "ftp://x", "//x",
            "http://localhost:1/\r\nX-Injected: 1");

    /** JSON that is not JSON, or not the JSON an endpoint takes. */
    static final List<String> MALFORMED = List.of(
            "{", "{\"a\":", "}", "{\"a\":1,}", "{'a':'b'}", "{a:1}", "[", "\"just a string\"", "123", "true",
            "{\"a\":1}garbage", "{\"a\":1}{\"b\":2}", "{\"a\":NaN}", "{\"a\":1 /* c */}", "\u0000", "{\"a\":\"\\uZZZZ\"}",
            "{\"a\":\"unterminated}", "\uFEFF{}", "[1,2,", "{\"a\":01}", "{\"a\":.5}", "{\"a\":\"\u0001\"}");
}
