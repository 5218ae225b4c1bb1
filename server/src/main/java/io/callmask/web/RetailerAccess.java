package io.callmask.web;

import java.util.regex.Pattern;

/**
 * What a retailer's token may reach, checked before any controller runs: starting a masked call
 * for its own orders and reading sessions and calls (the controllers then show only its own).
 * Anything not listed here is forbidden, so a new endpoint is closed to retailers until it is
 * added deliberately.
 */
final class RetailerAccess {

    private static final Pattern READABLE = Pattern.compile("/v1/sessions(/[^/]+(/calls)?)?|/v1/calls/[^/]+");

    private RetailerAccess() {}

    static boolean allows(String method, String path) {
        if ("POST".equals(method)) {
            return path.equals("/v1/masked-calls");
        }
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return READABLE.matcher(path).matches();
        }
        return false;
    }
}
