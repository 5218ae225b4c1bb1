package io.callmask.carrier.voice;

import io.callmask.core.number.PhoneNumber;
import java.time.Duration;
import java.util.List;

/**
 * What a caller hears or what is dialled next, before any carrier's markup: the shared flow
 * ({@link VoiceFlow}) answers one of these and each adapter renders it as TwiML, Plivo XML, an
 * Exotel applet answer, and so on. It says nothing about URLs; the adapter adds its own.
 */
public sealed interface VoiceReply {

    /**
     * Dial {@code number} showing {@code callerId}, reporting under {@code callId}. With
     * {@code announceOrder} the callee first hears which order of session {@code sessionId} the call
     * is about; with a {@code consentNotice} the call is recorded, the caller hears the notice before
     * the dial and the callee before the bridge.
     */
    record Dial(String callId, PhoneNumber number, PhoneNumber callerId, Duration ringTimeout, Duration timeLimit,
            String sessionId, boolean announceOrder, String consentNotice) implements VoiceReply {

        public boolean recorded() {
            return consentNotice != null;
        }

        /** Whether the callee hears anything before the bridge. */
        public boolean whispered() {
            return announceOrder || recorded();
        }
    }

    /** Ask a hub party for its order code ({@code attempt} counts from 1). */
    record Menu(int attempt, String prompt) implements VoiceReply {}

    /** Speak each message, then go on (a whisper before a bridge; nothing when empty). */
    record Say(List<String> messages) implements VoiceReply {}

    /** Speak and hang up. */
    record SayAndHangUp(String message) implements VoiceReply {}

    /** Speak, then connect the caller to support, showing the number it dialled. */
    record SayAndForward(String message, String supportNumber, PhoneNumber callerId) implements VoiceReply {}

    /** Hang up. */
    record HangUp() implements VoiceReply {}
}
