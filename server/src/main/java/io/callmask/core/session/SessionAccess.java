package io.callmask.core.session;

import io.callmask.core.Caller;

/**
 * Which sessions a caller may see: the platform and operators all of them, a retailer only those
 * with a party of role {@code retailer} whose id is its own. Others' sessions are answered as if
 * they did not exist (404), so a retailer cannot probe for them.
 */
public final class SessionAccess {

    private static final String RETAILER_ROLE = "retailer";

    private SessionAccess() {}

    public static boolean visible(Session session, Caller caller) {
        return caller.isTrusted() || session.parties().stream().anyMatch(p ->
                RETAILER_ROLE.equals(p.role()) && caller.retailerId().equals(p.externalId()));
    }
}
