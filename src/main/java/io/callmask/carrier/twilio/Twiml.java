package io.callmask.carrier.twilio;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Say;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** Renders routing decisions as TwiML with the SDK's builders. */
@Component
class Twiml {

    private static final List<Number.Event> LEG_EVENTS =
            List.of(Number.Event.INITIATED, Number.Event.RINGING, Number.Event.ANSWERED, Number.Event.COMPLETED);

    private final TwilioWebhooks webhooks;

    Twiml(TwilioWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /**
     * Dials the callee showing {@code callerId}. {@code answerOnBridge} keeps the caller hearing
     * ringing until the callee answers; the callee's leg reports to our status webhook.
     */
    String dial(String callId, String number, String callerId, Duration ringTimeout, Duration timeLimit) {
        Number callee = new Number.Builder(number)
                .statusCallback(webhooks.calleeStatus(callId))
                .statusCallbackEvents(LEG_EVENTS)
                .build();
        Dial dial = new Dial.Builder()
                .callerId(callerId)
                .action(webhooks.dialComplete(callId))
                .timeout((int) ringTimeout.toSeconds())
                .timeLimit((int) timeLimit.toSeconds())
                .answerOnBridge(true)
                .number(callee)
                .build();
        return new VoiceResponse.Builder().dial(dial).build().toXml();
    }

    /** Speaks a message and hangs up. */
    String sayAndHangUp(String message) {
        return new VoiceResponse.Builder()
                .say(new Say.Builder(message).build())
                .hangup(new Hangup.Builder().build())
                .build().toXml();
    }

    String hangUp() {
        return new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build().toXml();
    }
}
