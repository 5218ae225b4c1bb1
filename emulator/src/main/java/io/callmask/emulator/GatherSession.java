package io.callmask.emulator;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * One {@code <Gather input="dtmf">}: the phone hears the prompts, then digits pressed over HTTP (or typed ahead)
 * are collected until {@code numDigits}, {@code finishOnKey} or {@code timeout} seconds without a key.
 * With digits, the action URL is requested; with none, execution goes on with the next verb, as Twilio does.
 */
final class GatherSession {

    private final Switchboard board;
    private final TwimlRunner runner;
    private final Leg leg;
    private final Verb.Gather gather;
    private final TwimlRunner.Cursor after;
    private final StringBuilder digits = new StringBuilder();
    private boolean finished;
    private Future<?> timeout;

    GatherSession(Switchboard board, TwimlRunner runner, Leg leg, Verb.Gather gather, TwimlRunner.Cursor after) {
        this.board = board;
        this.runner = runner;
        this.leg = leg;
        this.gather = gather;
        this.after = after;
    }

    void start() {
        gather.prompts().stream().filter(Verb.Say.class::isInstance)
                .forEach(v -> runner.hear(leg, ((Verb.Say) v).text()));
        synchronized (this) {
            restartTimeout();
        }
        String ahead = leg.phone.takePendingDigits() + leg.awaitDigits(this::press);
        if (!ahead.isEmpty()) {
            press(ahead);
        }
    }

    synchronized void press(String keys) {
        for (char key : keys.toCharArray()) {
            if (finished) {
                return;
            }
            if (gather.finishOnKey().indexOf(key) >= 0) {
                finish();
                return;
            }
            digits.append(key);
            if (gather.numDigits() > 0 && digits.length() >= gather.numDigits()) {
                finish();
                return;
            }
        }
        restartTimeout();
    }

    private void restartTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
        timeout = board.clock.after(gather.timeout(), this::timedOut);
        leg.addTimer(timeout);
    }

    private synchronized void timedOut() {
        if (!finished) {
            finish();
        }
    }

    private void finish() {
        finished = true;
        timeout.cancel(false);
        leg.stopAwaitingDigits();
        if (digits.length() == 0) {
            board.clock.work(() -> runner.run(leg, after));
            return;
        }
        // Without an action Twilio posts the digits back to the document that holds the <Gather>.
        URI action = gather.action() != null ? TwimlRunner.resolve(after.base(), gather.action()) : after.base();
        if (action == null) {
            board.clock.work(() -> runner.run(leg, after));
            return;
        }
        runner.fetchAndRun(leg, action, gather.method(), Map.of("Digits", digits.toString()));
    }
}
