package io.callmask.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * An outside phone: a behaviour set over HTTP, at most one call at a time, and a history of what its screen
 * showed and its ear heard, which is how tests prove that phones only ever saw masked numbers.
 */
final class VirtualPhone {

    private static final int HISTORY = 100;

    /** One entry of the history; {@code incoming} = this phone was rung (it is the leg's callee). */
    record Entry(Leg leg, boolean incoming) {
    }

    final String number;
    private PhoneBehaviour behaviour = PhoneBehaviour.DEFAULT;
    private Entry current;
    private final Deque<Entry> history = new ArrayDeque<>();

    VirtualPhone(String number) {
        this.number = number;
    }

    synchronized PhoneBehaviour behaviour() {
        return behaviour;
    }

    synchronized void behave(PhoneBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Takes the typed-ahead digits, once. */
    synchronized String takePendingDigits() {
        String digits = behaviour.pendingDigits();
        behaviour = behaviour.withoutPendingDigits();
        return digits == null ? "" : digits;
    }

    /** Puts the leg on this phone; false when the phone is already ringing or in a call (the caller gets busy). */
    synchronized boolean occupy(Leg leg, boolean incoming) {
        if (current != null) {
            return false;
        }
        current = new Entry(leg, incoming);
        remember(current);
        return true;
    }

    /** Records a call the phone saw but did not take (its mode is busy or fail). */
    synchronized void remember(Leg leg) {
        remember(new Entry(leg, true));
    }

    private void remember(Entry entry) {
        history.addLast(entry);
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    synchronized void release(Leg leg) {
        if (current != null && current.leg() == leg) {
            current = null;
        }
    }

    synchronized Entry current() {
        return current;
    }

    synchronized List<Entry> history() {
        return List.copyOf(history);
    }
}
