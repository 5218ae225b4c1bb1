package io.callmask.emulator;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON the control API answers with: phones as their owners see them, calls as the network sees them.
 * Nulls are always written (the app may configure Jackson to drop them): {@code "current": null} is the contract.
 */
final class ControlViews {

    private ControlViews() {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PhoneView(String number, String answer, double answerAfterSeconds, Double hangupAfterSeconds,
                     String pendingDigits, String state, CurrentView current, List<PhoneCallView> calls) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CurrentView(String callSid, String callerId) {
    }

    /** {@code callerId} is what this phone's screen showed: the From of the leg that rang it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PhoneCallView(String callSid, String direction, String callerId, String dialled, String status,
                         Instant startedAt, Instant answeredAt, Instant endedAt, Long durationSeconds,
                         List<String> heard) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CallView(String sid, String parentCallSid, String direction, String from, String to, String status,
                    Instant startedAt, Instant answeredAt, Instant endedAt, Long durationSeconds, List<String> heard,
                    List<String> errors, List<String> twimlFetched) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RecordingView(String sid, String callSid, String status, Instant startTime, long durationSeconds,
                         int channels, String source) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NumberView(String number, String voiceUrl, String statusCallback) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DialedView(String callSid) {
    }

    static PhoneView phone(VirtualPhone phone) {
        PhoneBehaviour b = phone.behaviour();
        VirtualPhone.Entry current = phone.current();
        String state = current == null ? "idle"
                : current.incoming() && current.leg().status().beforeAnswer() ? "ringing" : "in-call";
        CurrentView currentView = current == null ? null
                : new CurrentView(current.leg().sid, current.incoming() ? current.leg().from : null);
        return new PhoneView(phone.number, b.answer().wire, b.answerAfterSeconds(), b.hangupAfterSeconds(),
                b.pendingDigits(), state, currentView, phone.history().stream().map(ControlViews::phoneCall).toList());
    }

    private static PhoneCallView phoneCall(VirtualPhone.Entry entry) {
        Leg leg = entry.leg();
        return new PhoneCallView(leg.sid, entry.incoming() ? "incoming" : "outgoing",
                entry.incoming() ? leg.from : null, entry.incoming() ? null : leg.to, leg.status().wire,
                leg.startedAt() != null ? leg.startedAt() : leg.createdAt, leg.answeredAt(), leg.endedAt(),
                leg.durationSeconds(), leg.heard());
    }

    static RecordingView recording(CallRecording r) {
        return new RecordingView(r.sid(), r.callSid(), r.status(), r.startTime(), r.durationSeconds(), r.channels(),
                CallRecording.SOURCE);
    }

    static NumberView number(IncomingNumber number) {
        return new NumberView(number.number(), number.voiceUrl().toString(),
                number.statusCallback() == null ? null : number.statusCallback().toString());
    }

    static CallView call(Leg leg) {
        return new CallView(leg.sid, leg.parentSid, leg.direction, leg.from, leg.to, leg.status().wire,
                leg.startedAt() != null ? leg.startedAt() : leg.createdAt, leg.answeredAt(), leg.endedAt(),
                leg.durationSeconds(), leg.heard(), leg.errors(), leg.twimlFetched());
    }
}
