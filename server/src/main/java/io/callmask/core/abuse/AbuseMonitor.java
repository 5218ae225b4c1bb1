package io.callmask.core.abuse;

import io.callmask.core.abuse.CallLog.LoggedCall;
import io.callmask.core.directory.Order;
import io.callmask.core.directory.Orders;
import io.callmask.core.event.Events;
import io.callmask.core.number.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Evaluates the abuse rules when a call starts or ends, and records hits: an alert, an
 * {@code abuse.alert} event, and a block when the rule's {@code block-for} is set. Evaluation is
 * idempotent: a rule counts only calls placed after its last alert for the same retailer and
 * subject, and each window's alert has a unique key, so repeated status callbacks and several
 * instances raise one alert per window. The rules after a call's start or end run in the background
 * ({@link RuleEvaluations}); a failure in them never fails the call they watch.
 */
@Service
public class AbuseMonitor {

    private static final Logger log = LoggerFactory.getLogger(AbuseMonitor.class);

    private final CallLog callLog;
    private final Alerts alerts;
    private final Blocks blocks;
    private final Orders orders;
    private final Events events;
    private final CustomerIdentity customers;
    private final AbuseProperties rules;
    private final Clock clock;
    private final RuleEvaluations evaluations;

    AbuseMonitor(CallLog callLog, Alerts alerts, Blocks blocks, Orders orders, Events events,
            CustomerIdentity customers, AbuseProperties rules, Clock clock, RuleEvaluations evaluations,
            io.micrometer.core.instrument.MeterRegistry registry) {
        this.registry = registry;
        for (Rule rule : Rule.values()) { // at 0 from the start, so a rate over them is defined
            counter("callmask.abuse.alerts", "Abuse alerts recorded, by rule", rule);
            counter("callmask.abuse.blocks", "Retailers blocked by an abuse rule, by rule", rule);
        }
        this.evaluations = evaluations;
        this.callLog = callLog;
        this.alerts = alerts;
        this.blocks = blocks;
        this.orders = orders;
        this.events = events;
        this.customers = customers;
        this.rules = rules;
        this.clock = clock;
    }

    /** A call was placed (click-to-call or bridged dial-in): the rules that count started calls. */
    public void callStarted(String callId) {
        safely("call start", () -> retailerCall(callId).ifPresent(call -> {
            var rule = rules.distinctCustomers();
            if (rule.enabled()) {
                evaluations.coalesce("call start", Rule.DISTINCT_CUSTOMERS.wire() + ":" + call.retailerId(),
                        () -> evaluate(Rule.DISTINCT_CUSTOMERS, call.retailerId(), "", rule.window(),
                                since -> callLog.customersCalled(call.retailerId(), since, clock.instant()),
                                called -> WindowRules.distinctCustomers(rule, call.retailerId(), called, call.call())));
            }
        }));
    }

    /** A leg reached a terminal status: the rules that count ended calls. */
    public void callEnded(String callId) {
        safely("call end", () -> retailerCall(callId).ifPresent(call -> {
            String retailer = call.retailerId();
            var burst = rules.shortCallBurst();
            if (burst.enabled()) {
                evaluations.coalesce("call end", Rule.SHORT_CALL_BURST.wire() + ":" + retailer,
                        () -> evaluate(Rule.SHORT_CALL_BURST, retailer, "", burst.window(),
                                since -> callLog.placedBy(retailer, since, clock.instant()),
                                calls -> WindowRules.shortCallBurst(burst, retailer, calls)));
            }
            var unanswered = rules.repeatedUnanswered();
            if (unanswered.enabled() && call.customerKey() != null) {
                String subject = customers.subject(call.customerKey());
                evaluations.coalesce("call end", Rule.REPEATED_UNANSWERED.wire() + ":" + retailer + ":" + subject,
                        () -> evaluate(Rule.REPEATED_UNANSWERED, retailer, subject, unanswered.window(),
                                since -> callLog.placedTo(retailer, call.customerKey(), since, clock.instant()),
                                calls -> WindowRules.repeatedUnanswered(unanswered, retailer, subject, calls)));
            }
        }));
    }

    /**
     * The router turned a dial-in away because its session had ended: when the caller was the
     * retailer of an order that is no longer active, that is a call after the order closed.
     */
    public void dialInAfterSessionEnded(PhoneNumber from, PhoneNumber to) {
        safely("turned-away dial-in", () -> callLog.lastPartyOfPair(customers.columnValue(from), to.e164())
                .filter(p -> RetailerParty.ROLE.equals(p.role()) && p.externalId() != null)
                .ifPresent(p -> attemptAfterOrderClosed(p.externalId(), p.reference(), p.sessionId())));
    }

    /** A call attempt by this retailer about {@code reference}: a hit when that order is no longer active. */
    public void attemptAfterOrderClosed(String retailerId, String reference, String sessionId) {
        if (rules.afterOrderClosed().enabled()) {
            orders.find(reference).filter(o -> !o.status().active())
                    .ifPresent(order -> orderClosed(retailerId, order, sessionId));
        }
    }

    private void orderClosed(String retailerId, Order order, String sessionId) {
        record(new Hit(Rule.AFTER_ORDER_CLOSED, retailerId, sessionId, null, order.id(), clock.instant(),
                WindowRules.dedupKey(Rule.AFTER_ORDER_CLOSED, retailerId, order.id(), ""),
                "Retailer '" + retailerId + "' tried to call about order '" + order.id() + "' after it was "
                        + order.status().wire() + "."));
    }

    /** Reads what the rule counts since its window start (or its last alert, if later), and records a hit. */
    private <T> void evaluate(Rule rule, String retailerId, String subject, Duration window,
            Function<Instant, T> callsSince, Function<T, Optional<Hit>> decide) {
        Instant since = clock.instant().minus(window);
        Instant lastEnd = alerts.lastWindowEnd(rule, retailerId, subject);
        if (lastEnd != null && lastEnd.isAfter(since)) {
            since = lastEnd;
        }
        decide.apply(callsSince.apply(since)).ifPresent(this::record);
    }

    /**
     * Stores the hit's alert (once per window), blocks the retailer when the rule says so, tells the
     * platform. Never throws: a refusal that recorded its hit must still be answered.
     */
    private final io.micrometer.core.instrument.MeterRegistry registry;

    Optional<Alert> record(Hit hit) {
        try {
            return store(hit);
        } catch (RuntimeException e) {
            log.warn("Abuse alert ({}) for retailer {} could not be stored: {}", hit.rule().wire(), hit.retailerId(),
                    e.getClass().getName());
            return Optional.empty();
        }
    }

    private Optional<Alert> store(Hit hit) {
        Instant now = clock.instant();
        Duration blockFor = blockFor(hit.rule());
        Instant until = blockFor.isZero() ? null : now.plus(blockFor);
        String detail = hit.detail() + (until == null ? "" : " Blocked from placing calls until " + until + ".");
        Hit described = new Hit(hit.rule(), hit.retailerId(), hit.sessionId(), hit.callId(), hit.subject(),
                hit.windowEnd(), hit.dedupKey(), detail);
        Optional<Alert> alert = alerts.insert(described, now, until);
        alert.ifPresent(a -> {
            count("callmask.abuse.alerts", "Abuse alerts recorded, by rule", hit.rule());
            if (until != null) {
                blocks.extend(hit.retailerId(), until, hit.rule(), a.id(), now);
                count("callmask.abuse.blocks", "Retailers blocked by an abuse rule, by rule", hit.rule());
            }
            events.record("abuse.alert", hit.sessionId(), hit.callId(), "[" + hit.rule().wire() + "] " + detail);
            log.info("Abuse alert {} ({}) for retailer {}{}", a.id(), hit.rule().wire(), hit.retailerId(),
                    until == null ? "" : ", blocked until " + until);
        });
        return alert;
    }

    private void count(String name, String description, Rule rule) {
        counter(name, description, rule).increment();
    }

    private io.micrometer.core.instrument.Counter counter(String name, String description, Rule rule) {
        return io.micrometer.core.instrument.Counter.builder(name).description(description).tag("rule", rule.wire())
                .register(registry);
    }

    private Duration blockFor(Rule rule) {
        return switch (rule) {
            case SHORT_CALL_BURST -> rules.shortCallBurst().blockFor();
            case REPEATED_UNANSWERED -> rules.repeatedUnanswered().blockFor();
            case OUTSIDE_HOURS -> rules.outsideHours().blockFor();
            case AFTER_ORDER_CLOSED -> rules.afterOrderClosed().blockFor();
            case DISTINCT_CUSTOMERS -> rules.distinctCustomers().blockFor();
        };
    }

    private Optional<LoggedCall> retailerCall(String callId) {
        return callLog.find(callId).filter(c -> c.retailerId() != null);
    }

    private void safely(String what, Runnable evaluation) {
        evaluations.submit(what, evaluation);
    }
}
