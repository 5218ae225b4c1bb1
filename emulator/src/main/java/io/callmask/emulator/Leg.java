package io.callmask.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One call leg as Twilio sees it (one CallSid). All mutable state is guarded by the leg's own monitor; code never
 * holds two legs' monitors at once, and listeners run outside it, so bridged legs cannot deadlock.
 */
final class Leg {

    static final String INBOUND = "inbound";
    static final String OUTBOUND_API = "outbound-api";
    static final String OUTBOUND_DIAL = "outbound-dial";

    final String sid;
    final String parentSid;
    final String direction;
    final String from;
    final String to;
    final StatusCallback statusCallback;
    /** The outside phone on this leg: the caller for inbound legs, the callee otherwise. */
    final VirtualPhone phone;
    final Instant createdAt = Instant.now();
    private final double timeScale;

    private CallStatus status = CallStatus.QUEUED;
    private Instant startedAt;
    private Instant answeredAt;
    private Instant endedAt;
    private final List<String> heard = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> twimlFetched = new ArrayList<>();
    private final List<LegListener> listeners = new ArrayList<>();
    private final List<Future<?>> timers = new ArrayList<>();
    private final StringBuilder typedAhead = new StringBuilder();
    private Consumer<String> digitSink;
    private int sequence;
    // Status callbacks of one leg are delivered one after the other, in the order they happened.
    private CompletableFuture<Void> callbackChain = CompletableFuture.completedFuture(null);

    Leg(String sid, String parentSid, String direction, String from, String to, StatusCallback statusCallback,
        VirtualPhone phone, double timeScale) {
        this.sid = sid;
        this.parentSid = parentSid;
        this.direction = direction;
        this.from = from;
        this.to = to;
        this.statusCallback = statusCallback;
        this.phone = phone;
        this.timeScale = timeScale;
    }

    /** Moves forward to {@code next} and stamps the time; false if the leg already is there or beyond. */
    synchronized boolean advance(CallStatus next) {
        if (status.terminal() || next.ordinal() <= status.ordinal()) {
            return false;
        }
        status = next;
        Instant now = Instant.now();
        if (next == CallStatus.INITIATED || (startedAt == null && next == CallStatus.RINGING)) {
            startedAt = now;
        }
        if (next == CallStatus.IN_PROGRESS) {
            answeredAt = now;
        }
        if (next.terminal()) {
            endedAt = now;
            timers.forEach(t -> t.cancel(false));
            timers.clear();
            digitSink = null;
        }
        return true;
    }

    /** Atomically moves from {@code expected} only; used where a timer and a person race (answer vs. timeout). */
    synchronized boolean advanceFrom(CallStatus expected, CallStatus next) {
        return status == expected && advance(next);
    }

    synchronized CallStatus status() {
        return status;
    }

    synchronized Instant startedAt() {
        return startedAt;
    }

    synchronized Instant answeredAt() {
        return answeredAt;
    }

    synchronized Instant endedAt() {
        return endedAt;
    }

    /** Emulated seconds between answer and end (or now); null if never answered. */
    synchronized Long durationSeconds() {
        if (answeredAt == null) {
            return null;
        }
        Instant end = endedAt != null ? endedAt : Instant.now();
        return Math.round(Duration.between(answeredAt, end).toMillis() / 1000.0 / timeScale);
    }

    synchronized void hear(String text) {
        heard.add(text);
    }

    synchronized void recordError(String error) {
        errors.add(error);
    }

    synchronized void recordFetch(String url) {
        twimlFetched.add(url);
    }

    synchronized List<String> heard() {
        return List.copyOf(heard);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    synchronized List<String> twimlFetched() {
        return List.copyOf(twimlFetched);
    }

    synchronized int nextSequence() {
        return sequence++;
    }

    synchronized void addListener(LegListener listener) {
        listeners.add(listener);
    }

    synchronized List<LegListener> listeners() {
        return List.copyOf(listeners);
    }

    /** Keeps a timer so that it dies with the leg; cancelled at once if the leg already ended. */
    synchronized void addTimer(Future<?> timer) {
        if (status.terminal()) {
            timer.cancel(false);
        } else {
            timers.add(timer);
        }
    }

    synchronized void queueCallback(Runnable delivery, Executor executor) {
        callbackChain = callbackChain.thenRunAsync(delivery, executor).exceptionally(e -> null);
    }

    /** Digits pressed on the phone go to a waiting {@code <Gather>}, or are kept for the next one. */
    void pressDigits(String digits) {
        Consumer<String> sink;
        synchronized (this) {
            sink = digitSink;
            if (sink == null) {
                typedAhead.append(digits);
                return;
            }
        }
        sink.accept(digits);
    }

    /** Starts routing digits to {@code sink}; returns what was typed ahead. */
    synchronized String awaitDigits(Consumer<String> sink) {
        digitSink = status.terminal() ? null : sink;
        String ahead = typedAhead.toString();
        typedAhead.setLength(0);
        return ahead;
    }

    synchronized void stopAwaitingDigits() {
        digitSink = null;
    }
}
