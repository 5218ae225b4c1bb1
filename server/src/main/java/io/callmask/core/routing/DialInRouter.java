package io.callmask.core.routing;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.pool.Pool;
import io.callmask.core.routing.RouteDecision.Reason;
import io.callmask.core.session.Session;
import io.callmask.core.session.SessionService;
import io.callmask.core.session.Sessions;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Routes a dial-in (caller's real number, dialled masked number) to the one open session holding
 * that pair. The bridge path is a single primary-key lookup; the slower checks (a hub party's
 * sessions, an ended session or a stranger) run only when that lookup finds nothing. A hub party
 * with one open session on the hub is bridged at once; with several it gets the order-code menu.
 */
@Component
public class DialInRouter {

    /** A wrong code gets one more try, then a goodbye. */
    static final int MENU_ATTEMPTS = 2;

    private final Sessions sessions;
    private final SessionService sessionService;
    private final Pool pool;
    private final Clock clock;

    DialInRouter(Sessions sessions, SessionService sessionService, Pool pool, Clock clock) {
        this.sessions = sessions;
        this.sessionService = sessionService;
        this.pool = pool;
        this.clock = clock;
    }

    public RouteDecision route(PhoneNumber from, PhoneNumber to) {
        var found = sessions.findOpenByPair(from, to);
        if (found.isPresent()) {
            var session = found.get();
            if (!session.openAt(clock.instant())) {
                sessionService.expireIfDue(session);
                return new RouteDecision.Reject(Reason.SESSION_ENDED, session.id());
            }
            var caller = session.parties().stream()
                    .filter(p -> p.real().equals(from) && p.masked().equals(to)).findFirst().orElseThrow();
            return new RouteDecision.Bridge(session, caller, session.other(caller));
        }
        List<String> onHub = sessions.openSessionIdsOnHub(from, to, 2);
        if (onHub.size() > 1) {
            return new RouteDecision.Menu(1); // a code of a session past its expiry is refused at the menu
        }
        if (onHub.size() == 1) {
            var only = sessions.find(onHub.get(0)).filter(this::stillOpen);
            if (only.isPresent()) {
                return bridgeFromHub(only.get(), from);
            }
            return new RouteDecision.Reject(Reason.SESSION_ENDED, onHub.get(0));
        }
        if (!pool.contains(to)) {
            return new RouteDecision.Reject(Reason.NOT_IN_SERVICE, null);
        }
        if (sessions.everHadPair(from, to)) {
            return new RouteDecision.Reject(Reason.SESSION_ENDED, null);
        }
        return new RouteDecision.Reject(Reason.UNKNOWN_CALLER, null);
    }

    /**
     * A hub party entered {@code code} at attempt {@code attempt}: bridge to that order's other
     * party, ask again once, then give up.
     */
    public RouteDecision routeCode(PhoneNumber from, PhoneNumber to, String code, int attempt) {
        if (code != null && !code.isBlank()) {
            var session = sessions.findOpenOnHub(from, to, code.strip()).filter(this::stillOpen);
            if (session.isPresent()) {
                return bridgeFromHub(session.get(), from);
            }
        }
        return attempt < MENU_ATTEMPTS ? new RouteDecision.Menu(attempt + 1)
                : new RouteDecision.Reject(Reason.WRONG_CODE, null);
    }

    private boolean stillOpen(Session session) {
        if (session.openAt(clock.instant())) {
            return true;
        }
        sessionService.expireIfDue(session);
        return false;
    }

    private static RouteDecision bridgeFromHub(Session session, PhoneNumber from) {
        var caller = session.parties().stream().filter(p -> p.onHub() && p.real().equals(from)).findFirst()
                .orElseThrow();
        return new RouteDecision.Bridge(session, caller, session.other(caller));
    }
}
