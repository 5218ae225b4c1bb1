package io.callmask.emulator;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a leg: created, initiated, ringing a phone, answered, ended; with the status callbacks and the
 * listener notifications each step causes. Logs call sids only, never numbers.
 */
final class Switchboard {

    static final DateTimeFormatter RFC_1123 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
    static final String API_VERSION = "2010-04-01";

    private static final Logger log = LoggerFactory.getLogger(Switchboard.class);

    final String accountSid;
    final EmulatorClock clock;
    final CallLog calls = new CallLog();
    final Phones phones = new Phones();
    final CallRecordings recordings = new CallRecordings();
    private final WebhookClient webhooks;
    private final Supplier<String> restBase;
    private volatile NetworkFaults faults = NetworkFaults.NONE;

    /** {@code restBase}: where this emulator's REST surface is reached, e.g. {@code http://localhost:8080/emulator/twilio}. */
    Switchboard(String accountSid, EmulatorClock clock, WebhookClient webhooks, Supplier<String> restBase) {
        this.accountSid = accountSid;
        this.clock = clock;
        this.webhooks = webhooks;
        this.restBase = restBase;
    }

    String restBase() {
        return restBase.get();
    }

    NetworkFaults faults() {
        return faults;
    }

    void faults(NetworkFaults faults) {
        this.faults = faults;
    }

    Leg newLeg(String parentSid, String direction, String from, String to, StatusCallback callback) {
        VirtualPhone phone = phones.get(Leg.INBOUND.equals(direction) ? from : to);
        var leg = new Leg("CA" + UUID.randomUUID().toString().replace("-", ""), parentSid, direction, from, to,
                callback, phone, clock.timeScale());
        calls.add(leg);
        log.debug("Call {} created ({})", leg.sid, direction);
        return leg;
    }

    void initiate(Leg leg) {
        if (leg.advance(CallStatus.INITIATED)) {
            statusEvent(leg, "initiated");
        }
    }

    /** Rings the leg's phone as its behaviour says; the leg ends as no-answer after {@code timeoutSeconds}. */
    void ring(Leg leg, double timeoutSeconds) {
        VirtualPhone phone = leg.phone;
        PhoneBehaviour behaviour = phone.behaviour();
        if (behaviour.answer() == AnswerMode.FAIL || behaviour.answer() == AnswerMode.BUSY) {
            phone.remember(leg);
            end(leg, behaviour.answer() == AnswerMode.FAIL ? CallStatus.FAILED : CallStatus.BUSY);
            return;
        }
        if (!phone.occupy(leg, true)) {
            end(leg, CallStatus.BUSY); // a phone takes one call at a time
            return;
        }
        if (!leg.advance(CallStatus.RINGING)) {
            return;
        }
        statusEvent(leg, "ringing");
        leg.addTimer(clock.after(timeoutSeconds, () -> {
            if (leg.advanceFrom(CallStatus.RINGING, CallStatus.NO_ANSWER)) {
                afterEnd(leg);
            }
        }));
        if (behaviour.answer() == AnswerMode.AUTO && behaviour.answerAfterSeconds() < timeoutSeconds) {
            leg.addTimer(clock.after(behaviour.answerAfterSeconds(), () -> answer(leg)));
        }
    }

    /** The phone (or, for inbound legs, the TwiML) picks up. */
    void answer(Leg leg) {
        if (!leg.status().beforeAnswer() || !leg.advance(CallStatus.IN_PROGRESS)) {
            return;
        }
        statusEvent(leg, "answered");
        Double hangupAfter = leg.phone.behaviour().hangupAfterSeconds();
        if (hangupAfter != null) {
            leg.addTimer(clock.after(hangupAfter, () -> end(leg, CallStatus.COMPLETED)));
        }
        leg.listeners().forEach(l -> l.answered(leg));
    }

    void end(Leg leg, CallStatus status) {
        if (leg.advance(status)) {
            afterEnd(leg);
        }
    }

    private void afterEnd(Leg leg) {
        leg.phone.release(leg);
        log.debug("Call {} ended: {}", leg.sid, leg.status().wire);
        statusEvent(leg, "completed");
        leg.listeners().forEach(l -> l.ended(leg));
    }

    /** The parameters Twilio sends with every request about this leg. */
    Map<String, String> baseParams(Leg leg) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", accountSid);
        p.put("ApiVersion", API_VERSION);
        p.put("CallSid", leg.sid);
        p.put("CallStatus", leg.status().wire);
        p.put("Called", leg.to);
        p.put("Caller", leg.from);
        p.put("Direction", leg.direction);
        p.put("From", leg.from);
        p.put("FromCountry", E164.country(leg.from));
        if (leg.parentSid != null) {
            p.put("ParentCallSid", leg.parentSid);
        }
        p.put("To", leg.to);
        p.put("ToCountry", E164.country(leg.to));
        return p;
    }

    /** Sends a status callback if the leg subscribed to {@code event}; the final one whenever a URL is set. */
    void statusEvent(Leg leg, String event) {
        StatusCallback callback = leg.statusCallback;
        if (callback == null || !(event.equals("completed") || callback.events().contains(event))) {
            return;
        }
        Map<String, String> params = baseParams(leg);
        params.put("CallbackSource", "call-progress-events");
        params.put("SequenceNumber", Integer.toString(leg.nextSequence()));
        params.put("Timestamp", RFC_1123.format(ZonedDateTime.now(ZoneOffset.UTC)));
        Long duration = leg.durationSeconds();
        if (event.equals("completed") && duration != null) {
            params.put("CallDuration", duration.toString());
            params.put("Duration", Long.toString((duration + 59) / 60));
        }
        Runnable delivery = () -> {
            try {
                webhooks.send(WebhookTally.Kind.STATUS, callback.url(), callback.method(), params);
            } catch (WebhookException e) {
                leg.recordError(e.code + " " + e.getMessage());
                log.info("Status callback for call {} failed: {}", leg.sid, e.getMessage());
            }
        };
        NetworkFaults network = faults;
        if (!network.active()) {
            leg.queueCallback(delivery, clock.workers());
            return;
        }
        // off the leg's ordered chain, so copies and later events can overtake each other as a carrier's do
        for (int copy = 0; copy < network.statusCallbackCopies(); copy++) {
            clock.afterMillis(ThreadLocalRandom.current().nextInt(network.statusCallbackScatterMs() + 1), delivery);
        }
    }

    WebhookClient webhooks() {
        return webhooks;
    }
}
