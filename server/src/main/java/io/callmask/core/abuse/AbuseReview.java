package io.callmask.core.abuse;

import io.callmask.core.event.Events;
import io.callmask.core.Caller;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What operators see of the abuse rules and the one thing they may do about them: read the latest
 * alerts and the blocks in force, and lift a block early. The API and the console both lift blocks
 * through here, so either way leaves the same {@code abuse.unblocked} event behind.
 */
@Service
public class AbuseReview {

    private final Alerts alerts;
    private final Blocks blocks;
    private final Events events;
    private final Clock clock;

    AbuseReview(Alerts alerts, Blocks blocks, Events events, Clock clock) {
        this.alerts = alerts;
        this.blocks = blocks;
        this.events = events;
        this.clock = clock;
    }

    /** Newest first. */
    public List<Alert> recentAlerts(int limit) {
        return alerts.recent(null, null, null, limit);
    }

    /** Blocks still in force, the longest-lasting first. */
    public List<Block> activeBlocks(int limit) {
        return blocks.allActive(clock.instant(), limit);
    }

    /** Lifts the retailer's block at once; false when it had none. Only operators may. */
    public boolean unblock(String retailerId, Caller operator) {
        if (!operator.isOperator()) {
            throw new IllegalArgumentException("only an operator may lift a block");
        }
        if (!blocks.remove(retailerId)) {
            return false;
        }
        events.record("abuse.unblocked", null, null,
                "Retailer '" + retailerId + "' was unblocked by " + operator.label() + ".");
        return true;
    }
}
