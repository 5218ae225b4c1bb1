package io.callmask.routing;

import io.callmask.number.PhoneNumber;
import io.callmask.pool.Pool;
import io.callmask.routing.RouteDecision.Reason;
import io.callmask.session.SessionService;
import io.callmask.session.Sessions;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Routes a dial-in (caller's real number, dialled masked number) to the one open session holding
 * that pair. The bridge path is a single primary-key lookup; the slower checks that tell an
 * ended session from a stranger run only when that lookup finds nothing.
 */
@Component
public class DialInRouter {

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
        if (!pool.contains(to)) {
            return new RouteDecision.Reject(Reason.NOT_IN_SERVICE, null);
        }
        if (sessions.everHadPair(from, to)) {
            return new RouteDecision.Reject(Reason.SESSION_ENDED, null);
        }
        return new RouteDecision.Reject(Reason.UNKNOWN_CALLER, null);
    }
}
