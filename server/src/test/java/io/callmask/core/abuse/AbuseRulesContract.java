package io.callmask.core.abuse;

import io.callmask.core.Refusal;
import static io.callmask.core.abuse.CallLogBuilder.Outcome.BUSY;
import static io.callmask.core.abuse.CallLogBuilder.Outcome.CALLER_NO_ANSWER;
import static io.callmask.core.abuse.CallLogBuilder.Outcome.CANCELED;
import static io.callmask.core.abuse.CallLogBuilder.Outcome.IN_PROGRESS;
import static io.callmask.core.abuse.CallLogBuilder.Outcome.NO_ANSWER;
import static io.callmask.core.abuse.CallLogBuilder.Outcome.TALKED;
import static io.callmask.core.abuse.CallLogBuilder.mobile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.core.event.Event;
import io.callmask.core.event.Events;
import io.callmask.core.number.PhoneNumber;
import io.callmask.core.routing.RouteDecision;
import io.callmask.core.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.callmask.support.StoppedClock;
import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.privacy.NumberVault;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Every rule over a synthetic call log written straight into a real database, with hits and near
 * misses. Thresholds (RulesTestConfiguration): 3 calls under 10 s in 10 min (blocks 1 h); 3
 * unanswered to one customer in 6 h; 3 customers in 1 h (blocks 30 min); 08:00-21:00; order closed.
 */
@SpringJUnitConfig(RulesTestConfiguration.class)
abstract class AbuseRulesContract {

    /** 11:30 in India: inside the allowed hours. */
    static final Instant T = Instant.parse("2026-11-25T06:00:00Z");

    @Autowired JdbcClient jdbc;
    @Autowired StoppedClock clock;
    @Autowired AbuseMonitor monitor;
    @Autowired CallGate gate;
    @Autowired Alerts alerts;
    @Autowired Blocks blocks;
    @Autowired Events events;
    @Autowired NumberHashes hashes;
    @Autowired NumberVault vault;

    CallLogBuilder log;
    String retailer;

    @BeforeEach
    void freshRetailer() {
        log = new CallLogBuilder(jdbc, hashes, vault);
        retailer = "r-" + UUID.randomUUID().toString().substring(0, 8);
        clock.set(T);
    }

    // --- short-call burst ----------------------------------------------------------------------

    @Test
    void aBurstOfShortCallsRaisesOneAlertAndBlocksTheRetailer() {
        String customer = mobile();
        Session s = log.session(retailer, customer, T);
        log.call(s, T, NO_ANSWER);
        log.call(s, T.plusSeconds(120), BUSY);
        String last = log.call(s, T.plusSeconds(240), TALKED, 9);
        Instant now = T.plusSeconds(300);
        clock.set(now);

        monitor.callEnded(last);
        monitor.callEnded(last); // a repeated status callback

        Instant until = now.plus(RulesTestConfiguration.BLOCK);
        String detail = "Retailer '" + retailer + "' placed 3 calls shorter than 10 s within 10 min."
                + " Blocked from placing calls until " + until + ".";
        assertThat(alerts(retailer)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("short-call-burst");
            assertThat(a.sessionId()).isEqualTo(s.id());
            assertThat(a.callId()).isEqualTo(last);
            assertThat(a.blockedUntil()).isEqualTo(until);
            assertThat(a.detail()).isEqualTo(detail);
        });
        assertThat(blocks.active(retailer, now)).map(Block::blockedUntil).contains(until);
        assertThat(abuseEvents(retailer)).singleElement().satisfies(e -> {
            assertThat(e.detail()).isEqualTo("[short-call-burst] " + detail).doesNotContain(customer);
            assertThat(e.callId()).isEqualTo(last);
        });
    }

    @Test
    void callsOfTheThresholdLengthAreNotShort() {
        Session s = log.session(retailer, mobile(), T);
        log.call(s, T, NO_ANSWER);
        log.call(s, T.plusSeconds(60), CALLER_NO_ANSWER);
        String last = log.call(s, T.plusSeconds(120), TALKED, 10);
        clock.set(T.plusSeconds(200));

        monitor.callEnded(last);

        assertThat(alerts(retailer)).isEmpty();
        assertThat(blocks.active(retailer, clock.instant())).isEmpty();
    }

    @Test
    void shortCallsSpreadOverMoreThanTheWindowAreNotABurst() {
        Session s = log.session(retailer, mobile(), T);
        log.call(s, T, NO_ANSWER);
        log.call(s, T.plusSeconds(360), NO_ANSWER);
        String last = log.call(s, T.plusSeconds(601), NO_ANSWER);
        clock.set(T.plusSeconds(630));

        monitor.callEnded(last);

        assertThat(alerts(retailer, Rule.SHORT_CALL_BURST)).isEmpty();
    }

    @Test
    void callsStillGoingAndCallsPlacedByCustomersDoNotCount() {
        Session s = log.session(retailer, mobile(), T);
        log.call(s, T, NO_ANSWER);
        log.call(s, T.plusSeconds(30), IN_PROGRESS);
        log.callByCustomer(s, T.plusSeconds(60), NO_ANSWER);
        String byCustomer = log.callByCustomer(s, T.plusSeconds(90), BUSY);
        String last = log.call(s, T.plusSeconds(120), BUSY);
        clock.set(T.plusSeconds(200));

        monitor.callEnded(byCustomer);
        monitor.callEnded(last);

        assertThat(alerts(retailer, Rule.SHORT_CALL_BURST)).isEmpty();
    }

    @Test
    void afterAnAlertOnlyLaterCallsCountTowardsTheNextOne() {
        Session s = log.session(retailer, mobile(), T);
        for (int i = 0; i < 3; i++) {
            log.call(s, T.plusSeconds(10L * i), NO_ANSWER);
        }
        clock.set(T.plusSeconds(60));
        monitor.callEnded(log.call(s, T.plusSeconds(30), NO_ANSWER));
        assertThat(alerts(retailer, Rule.SHORT_CALL_BURST)).hasSize(1);

        String fifth = log.call(s, T.plusSeconds(70), NO_ANSWER);
        clock.set(T.plusSeconds(100));
        monitor.callEnded(fifth);
        assertThat(alerts(retailer, Rule.SHORT_CALL_BURST)).as("two calls since the alert").hasSize(1);

        log.call(s, T.plusSeconds(110), BUSY);
        String seventh = log.call(s, T.plusSeconds(120), NO_ANSWER);
        clock.set(T.plusSeconds(150));
        monitor.callEnded(seventh);
        assertThat(alerts(retailer, Rule.SHORT_CALL_BURST)).hasSize(2).allSatisfy(a -> assertThat(a.rule()).isEqualTo("short-call-burst"));
    }

    // --- repeated unanswered calls to one customer ---------------------------------------------

    @Test
    void unansweredCallsToOneCustomerAcrossOrdersRaiseAnAlertWithoutTheNumber() {
        String customer = mobile();
        Session first = log.session(retailer, customer, T);
        Session second = log.session(retailer, customer, T);
        log.call(first, T, NO_ANSWER);
        log.call(second, T.plusSeconds(3600), BUSY);
        String last = log.call(first, T.plusSeconds(7200), CANCELED);
        clock.set(T.plusSeconds(7260));

        monitor.callEnded(last);
        monitor.callEnded(last);

        assertThat(alerts(retailer)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("repeated-unanswered");
            assertThat(a.detail()).isEqualTo("Retailer '" + retailer + "' made 3 unanswered calls to one customer within 6 h.")
                    .doesNotContain(customer);
            assertThat(a.blockedUntil()).isNull();
        });
        assertThat(blocks.active(retailer, clock.instant())).isEmpty();
    }

    @Test
    void unansweredCallsToOtherCustomersAnsweredOnesAndUnrungOnesDoNotAdd() {
        String customer = mobile();
        Session s = log.session(retailer, customer, T);
        Session other = log.session(retailer, mobile(), T);
        log.call(s, T, NO_ANSWER);
        log.call(other, T.plusSeconds(1200), NO_ANSWER);
        log.call(s, T.plusSeconds(2400), TALKED, 60);
        log.call(s, T.plusSeconds(3600), CALLER_NO_ANSWER);
        String last = log.call(s, T.plusSeconds(4800), BUSY);
        clock.set(T.plusSeconds(4860));

        monitor.callEnded(last);

        assertThat(alerts(retailer)).isEmpty();
    }

    @Test
    void unansweredCallsOlderThanTheWindowDoNotCount() {
        Session s = log.session(retailer, mobile(), T);
        log.call(s, T, NO_ANSWER);
        log.call(s, T.plusSeconds(3 * 3600), NO_ANSWER);
        String last = log.call(s, T.plusSeconds(6 * 3600), NO_ANSWER);
        clock.set(T.plusSeconds(6 * 3600 + 1));

        monitor.callEnded(last);

        assertThat(alerts(retailer)).isEmpty();
    }

    // --- many distinct customers ---------------------------------------------------------------

    @Test
    void callingThreeCustomersWithinTheHourRaisesAnAlertWhenTheThirdCallStarts() {
        log.call(log.session(retailer, mobile(), T), T, TALKED, 60);
        log.call(log.session(retailer, mobile(), T), T.plusSeconds(1200), TALKED, 60);
        String third = log.call(log.session(retailer, mobile(), T), T.plusSeconds(2400), IN_PROGRESS);
        Instant now = T.plusSeconds(2401);
        clock.set(now);

        monitor.callStarted(third);
        monitor.callStarted(third);

        assertThat(alerts(retailer)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("distinct-customers");
            assertThat(a.callId()).isEqualTo(third);
            assertThat(a.blockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(30)));
            assertThat(a.detail()).startsWith("Retailer '" + retailer + "' called 3 different customers within 1 h.");
        });
    }

    @Test
    void callsToTheSameCustomerAndCallsBeforeTheHourDoNotAdd() {
        String customer = mobile();
        log.call(log.session(retailer, mobile(), T), T, TALKED, 60); // before the hour
        log.call(log.session(retailer, customer, T), T.plusSeconds(3700), TALKED, 60);
        log.call(log.session(retailer, customer, T), T.plusSeconds(3750), NO_ANSWER);
        String third = log.call(log.session(retailer, mobile(), T), T.plusSeconds(3800), IN_PROGRESS);
        clock.set(T.plusSeconds(3801));

        monitor.callStarted(third);

        assertThat(alerts(retailer)).isEmpty();
    }

    // --- outside allowed hours -----------------------------------------------------------------

    @Test
    void aClickToCallAtNightInTheCustomersZoneIsRefusedAndRecordedOncePerNight() {
        String customer = mobile();
        Session s = log.session(retailer, customer, T);
        clock.set(Instant.parse("2026-11-25T16:00:00Z")); // 21:30 in India

        assertThatThrownBy(() -> gate.checkClickToCall(s, s.party(0))).isInstanceOfSatisfying(CallRefused.class, e -> {
            assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
            assertThat(e.slug()).isEqualTo("outside-allowed-hours");
            assertThat(e.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(10 * 60 + 30).toSeconds());
            assertThat(e.getMessage()).doesNotContain(customer);
        });
        clock.set(Instant.parse("2026-11-25T22:00:00Z")); // 03:30, the same night
        assertThatThrownBy(() -> gate.checkClickToCall(s, s.party(0))).isInstanceOf(CallRefused.class);

        assertThat(alerts(retailer)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("outside-hours");
            assertThat(a.sessionId()).isEqualTo(s.id());
            assertThat(a.detail()).isEqualTo("Retailer '" + retailer + "' tried to call a customer at 21:30 in the "
                    + "customer's time zone (Asia/Calcutta); calls are allowed 08:00-21:00.");
        });
    }

    @Test
    void callsInsideTheCustomersHoursAndCallsByCustomersGoAhead() {
        Session indian = log.session(retailer, mobile(), T);
        Session american = log.session(retailer, "+14155550123", T);

        clock.set(Instant.parse("2026-11-25T15:29:59Z")); // 20:59:59 in India
        assertThatCode(() -> gate.checkClickToCall(indian, indian.party(0))).doesNotThrowAnyException();
        clock.set(Instant.parse("2026-11-25T16:00:00Z")); // 21:30 in India, 08:00 in California
        assertThatCode(() -> gate.checkClickToCall(american, american.party(0))).doesNotThrowAnyException();
        assertThatCode(() -> gate.checkClickToCall(indian, indian.party(1))).as("the customer calls")
                .doesNotThrowAnyException();
        assertThat(gate.refuseDialIn(indian, indian.party(1))).isEmpty();
        assertThat(alerts(retailer)).isEmpty();

        clock.set(Instant.parse("2026-11-25T15:59:00Z")); // 07:59 in California
        assertThatThrownBy(() -> gate.checkClickToCall(american, american.party(0))).isInstanceOf(CallRefused.class);
        assertThat(gate.refuseDialIn(indian, indian.party(0))).as("the retailer dials in at 21:29")
                .contains(RouteDecision.Reason.OUTSIDE_HOURS);
    }

    // --- calls after the order closed ----------------------------------------------------------

    @Test
    void attemptsAboutAClosedOrderRaiseOneAlertPerOrder() {
        String customer = mobile();
        log.order("o-" + retailer, retailer, customer, "delivered", T);
        log.order("o2-" + retailer, retailer, customer, "accepted", T);
        log.order("o3-" + retailer, retailer, customer, "cancelled", T);
        Session closed = log.session(retailer, mobile(), customer, "o-" + retailer, T);
        Session active = log.session(retailer, mobile(), customer, "o2-" + retailer, T);

        gate.attempted(closed, closed.party(0));
        gate.attempted(closed, closed.party(0));
        gate.attempted(closed, closed.party(1)); // the customer calls back: not the retailer's doing
        gate.attempted(active, active.party(0));
        gate.orderNotActive(retailer, "o3-" + retailer);

        assertThat(alerts(retailer)).extracting(Alert::detail).containsExactly(
                "Retailer '" + retailer + "' tried to call about order 'o3-" + retailer + "' after it was cancelled.",
                "Retailer '" + retailer + "' tried to call about order 'o-" + retailer + "' after it was delivered.");
    }

    @Test
    void aRetailerDiallingInAfterItsOrderClosedIsRecordedAgainstThatSession() {
        String retailerPhone = mobile();
        String customer = mobile();
        log.order("o-" + retailer, retailer, customer, "delivered", T);
        Session s = log.session(retailer, retailerPhone, customer, "o-" + retailer, T);

        monitor.dialInAfterSessionEnded(PhoneNumber.ofE164(customer), PhoneNumber.ofE164(CallLogBuilder.MASKED_B));
        assertThat(alerts(retailer)).as("the customer dialled").isEmpty();
        monitor.dialInAfterSessionEnded(PhoneNumber.ofE164(retailerPhone), PhoneNumber.ofE164(CallLogBuilder.MASKED_A));

        assertThat(alerts(retailer)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("after-order-closed");
            assertThat(a.sessionId()).isEqualTo(s.id());
        });
    }

    // --- blocks --------------------------------------------------------------------------------

    @Test
    void aBlockedRetailerPlacesNoCallUntilTheBlockEndsWhileItsCustomersStillCan() {
        String customer = mobile();
        Session s = log.session(retailer, customer, T);
        log.call(s, T, NO_ANSWER);
        log.call(s, T.plusSeconds(10), NO_ANSWER);
        String last = log.call(s, T.plusSeconds(20), NO_ANSWER);
        clock.set(T.plusSeconds(60));
        monitor.callEnded(last);
        Instant until = T.plusSeconds(60).plus(RulesTestConfiguration.BLOCK);

        clock.set(until.minusSeconds(90));
        assertThatThrownBy(() -> gate.checkClickToCall(s, s.party(0))).isInstanceOfSatisfying(CallRefused.class, e -> {
            assertThat(e.slug()).isEqualTo("retailer-blocked");
            assertThat(e.retryAfterSeconds()).isEqualTo(90);
            assertThat(e.facts()).containsEntry("blockedUntil", until.toString())
                    .containsEntry("rule", "short-call-burst");
        });
        assertThatThrownBy(() -> gate.checkMaskedCall(retailer, PhoneNumber.ofE164(customer)))
                .isInstanceOf(CallRefused.class);
        assertThat(gate.refuseDialIn(s, s.party(0))).contains(RouteDecision.Reason.RETAILER_BLOCKED);
        assertThat(gate.refuseDialIn(s, s.party(1))).isEmpty();
        assertThatCode(() -> gate.checkClickToCall(s, s.party(1))).doesNotThrowAnyException();

        clock.set(until);
        assertThatCode(() -> gate.checkClickToCall(s, s.party(0))).doesNotThrowAnyException();
        assertThat(gate.refuseDialIn(s, s.party(0))).isEmpty();
    }

    @Test
    void aLaterHitExtendsABlockAndAnOperatorCanLiftIt() {
        blocks.extend(retailer, T.plusSeconds(600), Rule.SHORT_CALL_BURST, 1, T);
        blocks.extend(retailer, T.plusSeconds(300), Rule.DISTINCT_CUSTOMERS, 2, T);
        assertThat(blocks.active(retailer, T)).contains(new Block(retailer, T.plusSeconds(600), "short-call-burst", 1));
        blocks.extend(retailer, T.plusSeconds(900), Rule.DISTINCT_CUSTOMERS, 3, T);
        assertThat(blocks.active(retailer, T)).contains(new Block(retailer, T.plusSeconds(900), "distinct-customers", 3));

        assertThat(blocks.remove(retailer)).isTrue();
        assertThat(blocks.active(retailer, T)).isEmpty();
        assertThat(blocks.remove(retailer)).isFalse();
    }

    private List<Alert> alerts(String retailerId) {
        return alerts.recent(retailerId, null, null, 100);
    }

    private List<Alert> alerts(String retailerId, Rule rule) {
        return alerts.recent(retailerId, rule, null, 100);
    }

    private List<Event> abuseEvents(String retailerId) {
        return events.recent("abuse.alert", null, 1000).stream()
                .filter(e -> e.detail().contains("'" + retailerId + "'")).toList();
    }
}
