package io.callmask.core.routing;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.session.Party;
import io.callmask.core.session.Session;

/** What to do with a dial-in: bridge it to the other party, or turn it away with a reason. */
public sealed interface RouteDecision permits RouteDecision.Bridge, RouteDecision.Menu, RouteDecision.Reject {

    /** Dial the callee's real number, showing the callee its own masked number as caller ID. */
    record Bridge(Session session, Party caller, Party callee) implements RouteDecision {
        public PhoneNumber dial() {
            return callee.real();
        }

        public PhoneNumber callerId() {
            return callee.masked();
        }
    }

    /**
     * A hub party with several open sessions on this hub dialled it: ask for the order code.
     * {@code attempt} counts from 1; after a wrong second attempt the caller is turned away.
     */
    record Menu(int attempt) implements RouteDecision {}

    /** The caller hears a message and nothing is dialled. {@code sessionId} is null when unknown. */
    record Reject(Reason reason, String sessionId) implements RouteDecision {}

    enum Reason {
        /** The pair belonged to a session that has been closed or has expired. */
        SESSION_ENDED,
        /** The dialled number is in the pool but no session of the caller's holds it. */
        UNKNOWN_CALLER,
        /** The dialled number is not one of ours, or the caller's number is unusable. */
        NOT_IN_SERVICE,
        /** A hub party entered no valid order code in its attempts. */
        WRONG_CODE,
        /** A retailer dialling a customer reached its own or the customer's rate limit. */
        RATE_LIMITED,
        /** The caller is a retailer an abuse rule has blocked from placing calls. */
        RETAILER_BLOCKED,
        /** It is outside the allowed calling hours in the callee's time zone. */
        OUTSIDE_HOURS;

        /** Reasons that follow the out-of-session policy (message, forward, callback). */
        public boolean outOfSession() {
            return this == SESSION_ENDED || this == UNKNOWN_CALLER || this == NOT_IN_SERVICE;
        }

        public String wire() {
            return name().toLowerCase().replace('_', '-');
        }
    }
}
