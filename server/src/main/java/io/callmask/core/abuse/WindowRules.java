package io.callmask.core.abuse;

import io.callmask.core.abuse.CallLog.LoggedCall;
import io.callmask.core.call.Call;
import io.callmask.core.call.Leg;
import io.callmask.core.call.LegStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that count a retailer's calls in a window, as plain decisions over the calls the
 * caller read (those placed since the rule's last alert for the same subject, within its window).
 */
final class WindowRules {

    private static final Set<LegStatus> UNANSWERED =
            EnumSet.of(LegStatus.NO_ANSWER, LegStatus.BUSY, LegStatus.FAILED, LegStatus.CANCELED);

    private WindowRules() {}

    /** Ended calls that talked less than the threshold, unanswered ones included. */
    static Optional<Hit> shortCallBurst(AbuseProperties.ShortCallBurst rule, String retailerId,
            List<LoggedCall> calls) {
        List<LoggedCall> counted = calls.stream()
                .filter(c -> c.call().status().terminal() && talked(c.call()).compareTo(rule.shorterThan()) < 0)
                .toList();
        if (counted.size() < rule.calls()) {
            return Optional.empty();
        }
        return Optional.of(hit(Rule.SHORT_CALL_BURST, retailerId, "", counted, "Retailer '" + retailerId + "' placed "
                + counted.size() + " calls shorter than " + human(rule.shorterThan()) + " within "
                + human(rule.window()) + "."));
    }

    /** Calls to one customer that rang it but were not answered (no-answer, busy, failed, canceled). */
    static Optional<Hit> repeatedUnanswered(AbuseProperties.RepeatedUnanswered rule, String retailerId, String subject,
            List<LoggedCall> calls) {
        List<LoggedCall> counted = calls.stream()
                .filter(c -> c.call().leg(Leg.Role.CALLEE).isPresent() && UNANSWERED.contains(c.call().status()))
                .toList();
        if (counted.size() < rule.calls()) {
            return Optional.empty();
        }
        return Optional.of(hit(Rule.REPEATED_UNANSWERED, retailerId, subject, counted, "Retailer '" + retailerId
                + "' made " + counted.size() + " unanswered calls to one customer within " + human(rule.window())
                + "."));
    }

    /** Calls placed, answered or not, to different customers; {@code started} is the call that was just placed. */
    static Optional<Hit> distinctCustomers(AbuseProperties.DistinctCustomers rule, String retailerId,
            CallLog.CustomersCalled called, Call started) {
        if (called.customers() < rule.customers()) {
            return Optional.empty();
        }
        return Optional.of(new Hit(Rule.DISTINCT_CUSTOMERS, retailerId, started.sessionId(), started.id(), "",
                called.lastAt(), dedupKey(Rule.DISTINCT_CUSTOMERS, retailerId, "", called.firstAt().toString()),
                "Retailer '" + retailerId + "' called " + called.customers() + " different customers within "
                        + human(rule.window()) + "."));
    }

    /** How long the two parties talked; zero when they were never connected. */
    static Duration talked(Call call) {
        if (call.answeredAt() == null) {
            return Duration.ZERO;
        }
        if (call.durationSeconds() != null) {
            return Duration.ofSeconds(call.durationSeconds());
        }
        return call.leg(Leg.Role.CALLEE).map(Leg::endedAt)
                .or(() -> call.leg(Leg.Role.CALLER).map(Leg::endedAt))
                .map(end -> Duration.between(call.answeredAt(), end))
                .orElse(Duration.ZERO);
    }

    private static Hit hit(Rule rule, String retailerId, String subject, List<LoggedCall> counted, String detail) {
        Call first = counted.get(0).call();
        Call last = counted.get(counted.size() - 1).call();
        return new Hit(rule, retailerId, last.sessionId(), last.id(), subject, last.createdAt(),
                dedupKey(rule, retailerId, subject, first.id()), detail);
    }

    /** A fixed-length key naming one window of one rule: (rule, retailer, subject, where it starts). */
    static String dedupKey(Rule rule, String retailerId, String subject, String start) {
        String key = rule.wire() + '\0' + retailerId + '\0' + subject + '\0' + start;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 10 s, 15 min, 6 h: how people write the thresholds. */
    static String human(Duration d) {
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + " h";
        }
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
