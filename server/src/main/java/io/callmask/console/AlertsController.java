package io.callmask.console;

import io.callmask.core.abuse.Alert;
import io.callmask.core.abuse.Block;
import io.callmask.core.abuse.AbuseReview;
import io.callmask.core.Caller;
import io.callmask.core.Ids;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /console/alerts}: the abuse rules' latest alerts and the blocks in force, each block with
 * an unblock button ({@code DELETE /console/alerts/blocks/{retailerId}}, sent by htmx), which lifts
 * it through the same service, and with the same event, as {@code DELETE /v1/retailers/{id}/block}.
 */
@Controller
class AlertsController {

    static final int ALERTS = 100;
    static final int BLOCKS = 200;

    private final AbuseReview review;

    AlertsController(AbuseReview review) {
        this.review = review;
    }

    @GetMapping("/console/alerts")
    String alerts(Model model) {
        model.addAttribute("page", "alerts");
        model.addAttribute("alerts", review.recentAlerts(ALERTS).stream().map(AlertRow::of).toList());
        model.addAttribute("blocks", review.activeBlocks(BLOCKS).stream().map(BlockRow::of).toList());
        return "console/alerts";
    }

    /** Answers the block's row as it is now (lifted, or not found), for htmx to swap in. */
    @DeleteMapping("/console/alerts/blocks/{retailerId}")
    String unblock(@PathVariable String retailerId, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (!retailerId.matches(Ids.PATTERN)) {
            response.setStatus(400);
            model.addAttribute("message", "Not a retailer id.");
            return "console/alerts :: unblocked";
        }
        Caller operator = (Caller) request.getAttribute(Caller.ATTRIBUTE);
        boolean lifted = review.unblock(retailerId, operator);
        model.addAttribute("message", lifted ? "Unblocked " + retailerId + "." : retailerId + " was not blocked.");
        return "console/alerts :: unblocked";
    }

    record AlertRow(long id, String created, String rule, String retailerId, String sessionId, String detail,
            String blockedUntil) {
        static AlertRow of(Alert a) {
            return new AlertRow(a.id(), Display.time(a.createdAt()), a.rule(), a.retailerId(),
                    a.sessionId() == null ? "" : a.sessionId(), a.detail(), Display.time(a.blockedUntil()));
        }
    }

    record BlockRow(String retailerId, String until, String rule, long alertId) {
        static BlockRow of(Block b) {
            return new BlockRow(b.retailerId(), Display.time(b.blockedUntil()), b.rule(), b.alertId());
        }
    }
}
