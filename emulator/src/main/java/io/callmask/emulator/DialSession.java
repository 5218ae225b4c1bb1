package io.callmask.emulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code <Dial>}: rings a child leg with the dialled caller ID, bridges it to the parent when answered, and
 * when either side ends reports {@code DialCallStatus} to the action URL (or carries on with the next verb).
 * A recorded dial ({@code record="record-from-…"}) leaves a recording of the bridge and reports it to
 * {@code recordingStatusCallback}.
 */
final class DialSession {

    private final Switchboard board;
    private final TwimlRunner runner;
    private final Leg parent;
    private final Verb.Dial dial;
    private final TwimlRunner.Cursor after;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final String recordingSid = "RE" + UUID.randomUUID().toString().replace("-", "");
    private Leg child;

    DialSession(Switchboard board, TwimlRunner runner, Leg parent, Verb.Dial dial, TwimlRunner.Cursor after) {
        this.board = board;
        this.runner = runner;
        this.parent = parent;
        this.dial = dial;
        this.after = after;
    }

    void start() {
        Verb.DialNumber number = dial.number();
        String callerId = dial.callerId() != null ? dial.callerId() : parent.from;
        if (!E164.isValid(number.number()) || !E164.isValid(callerId)) {
            parent.recordError("13223 Dial: invalid phone number format");
            finish("failed", null);
            return;
        }
        StatusCallback callback = StatusCallback.of(number.statusCallback(), number.statusCallbackMethod(),
                number.events());
        child = board.newLeg(parent.sid, Leg.OUTBOUND_DIAL, callerId, number.number(), callback);
        child.addListener(new LegListener() {
            @Override
            public void answered(Leg leg) {
                board.clock.work(DialSession.this::connect);
            }

            @Override
            public void ended(Leg leg) {
                finish(leg.answeredAt() != null ? "completed" : leg.status().wire, leg);
            }
        });
        parent.addListener(new LegListener() {
            @Override
            public void ended(Leg leg) {
                // The caller left: a ringing child is cancelled, a bridged one hung up.
                board.end(child, child.answeredAt() != null ? CallStatus.COMPLETED : CallStatus.CANCELED);
            }
        });
        if (parent.status().terminal()) {
            board.end(child, CallStatus.CANCELED);
            return;
        }
        board.initiate(child);
        board.ring(child, dial.timeout());
    }

    /** Plays the whisper, if any, to the callee, then the two legs talk until one ends or the time limit. */
    private void connect() {
        Verb.DialNumber number = dial.number();
        if (number.url() != null) {
            List<Verb> whisper = runner.fetch(child, TwimlRunner.resolve(after.base(), number.url()),
                    number.method(), Map.of());
            if (whisper != null) {
                whisper.stream().filter(Verb.Say.class::isInstance)
                        .forEach(v -> runner.hear(child, ((Verb.Say) v).text()));
            }
        }
        if (dial.timeLimit() != null) {
            child.addTimer(board.clock.after(dial.timeLimit(), () -> board.end(child, CallStatus.COMPLETED)));
        }
        if (dial.recording() != null) {
            Instant start = dial.recording().fromRinging() && child.startedAt() != null ? child.startedAt()
                    : child.answeredAt();
            reportRecording(recording(start, 0, "in-progress"));
        }
    }

    /** The bridge ended: the recording is kept (or is absent, when the bridge was too short) and reported. */
    private void finishRecording(Leg dialled) {
        Verb.DialRecording rec = dial.recording();
        Instant start = rec.fromRinging() && dialled.startedAt() != null ? dialled.startedAt() : dialled.answeredAt();
        long seconds = rec.fromRinging()
                ? Math.round(Duration.between(start, dialled.endedAt()).toMillis() / 1000.0 / board.clock.timeScale())
                : dialled.durationSeconds();
        CallRecording recording = recording(start, seconds, seconds < 1 ? "absent" : "completed");
        if (recording.status().equals("completed")) {
            board.recordings.add(recording);
        }
        reportRecording(recording);
    }

    private CallRecording recording(Instant start, long seconds, String status) {
        return new CallRecording(recordingSid, board.accountSid, parent.sid, start, seconds,
                dial.recording().dual() ? 2 : 1, status, Instant.now());
    }

    private void reportRecording(CallRecording recording) {
        Verb.DialRecording rec = dial.recording();
        if (rec.statusCallback() == null || !rec.events().contains(recording.status())) {
            return;
        }
        Map<String, String> params = RecordingCallback.params(recording, recording.status(), board.restBase());
        parent.queueCallback(() -> {
            try {
                URI url = RecordingCallback.url(rec, after.base());
                board.webhooks().send(WebhookTally.Kind.RECORDING, url,
                        StatusCallback.normaliseMethod(rec.statusCallbackMethod()), params);
            } catch (WebhookException e) {
                parent.recordError(e.code + " " + e.getMessage());
            } catch (IllegalArgumentException e) {
                parent.recordError(WebhookClient.HTTP_RETRIEVAL_FAILURE + " Invalid recordingStatusCallback URL");
            }
        }, board.clock.workers());
    }

    private void finish(String dialCallStatus, Leg dialled) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (dial.recording() != null && dialled != null && dialled.answeredAt() != null) {
            finishRecording(dialled);
        }
        if (dial.action() == null) {
            if (!parent.status().terminal()) {
                board.clock.work(() -> runner.run(parent, after));
            }
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("DialCallStatus", dialCallStatus);
        if (dialled != null) {
            params.put("DialCallSid", dialled.sid);
            Long duration = dialled.durationSeconds();
            if (duration != null) {
                params.put("DialCallDuration", duration.toString());
            }
        }
        // Requested even when the caller has gone; its TwiML then is not executed (run() sees the ended leg).
        try {
            URI action = TwimlRunner.resolve(after.base(), dial.action());
            runner.fetchAndRun(parent, action, dial.method(), params);
        } catch (IllegalArgumentException e) {
            runner.applicationError(parent, WebhookClient.HTTP_RETRIEVAL_FAILURE, "Invalid Dial action URL");
        }
    }
}
