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

    record Dial(String callerId, String action, String method, double timeout, Double timeLimit,
                DialNumber number) implements Verb {
    }

    /** {@code numDigits} 0 = no limit. */
    record Gather(int numDigits, String action, String method, double timeout, String finishOnKey,
                  List<Verb> prompts) implements Verb {
    }
}
