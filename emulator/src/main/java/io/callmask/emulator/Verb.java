package io.callmask.emulator;

import java.util.List;
import java.util.Set;

/** The TwiML verbs the emulator executes, as parsed values. */
sealed interface Verb {

    record Say(String text) implements Verb {
    }

    record Play(String url) implements Verb {
    }

    record Pause(double seconds) implements Verb {
    }

    record Hangup() implements Verb {
    }

    record Reject(String reason) implements Verb {
    }

    record Redirect(String url, String method) implements Verb {
    }

    /** {@code <Number>} inside {@code <Dial>}; {@code url} is the whisper played to the callee before bridging. */
    record DialNumber(String number, String url, String method, String statusCallback, Set<String> events,
                      String statusCallbackMethod) {
    }

    /** {@code recording}: null when the dial is not recorded. */
    record Dial(String callerId, String action, String method, double timeout, Double timeLimit,
                DialNumber number, DialRecording recording) implements Verb {
    }

    /**
     * {@code record="record-from-…"} on {@code <Dial>}: from the callee's answer or from ringing, one channel
     * or two ({@code dual}: each party on its own), and where to report the recording's status.
     */
    record DialRecording(boolean fromRinging, boolean dual, String statusCallback, String statusCallbackMethod,
                         Set<String> events) {
    }

    /** {@code numDigits} 0 = no limit. */
    record Gather(int numDigits, String action, String method, double timeout, String finishOnKey,
                  List<Verb> prompts) implements Verb {
    }
}
