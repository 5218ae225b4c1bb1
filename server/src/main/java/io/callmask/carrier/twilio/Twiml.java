package io.callmask.carrier.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import io.callmask.carrier.voice.VoiceReply;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** Renders routing decisions as TwiML with the SDK's builders. */
@Component
@TwilioEnabled
class Twiml {

    private static final List<Number.Event> LEG_EVENTS =
            List.of(Number.Event.INITIATED, Number.Event.RINGING, Number.Event.ANSWERED, Number.Event.COMPLETED);

    private static final List<Dial.RecordingEvent> RECORDING_EVENTS =
            List.of(Dial.RecordingEvent.COMPLETED, Dial.RecordingEvent.ABSENT);

    static {
        // Found by the routing benchmark (docs/benchmarks.md): twilio-java's TwiML.toXml() calls
        // DocumentBuilderFactory.newInstance() and TransformerFactory.newInstance() on every render.
        // Unless these properties are set, each call runs JAXP's ServiceLoader look-up through the
        // request thread's class loader, which in the packaged jar walks every nested jar for
        // META-INF/services entries none of them has, then falls back to the JDK's own factories.
        // Naming those same factories skips the walk (an explicit -D on the command line still wins);
        // it was a third to over half of the request threads' CPU samples.
        pin("javax.xml.parsers.DocumentBuilderFactory",
                "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
        pin("javax.xml.transform.TransformerFactory",
                "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
    }

    private static void pin(String factory, String jdkDefault) {
        if (System.getProperty(factory) == null) {
            System.setProperty(factory, jdkDefault);
        }
    }

    private final TwilioWebhooks webhooks;

    Twiml(TwilioWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** The shared flow's reply as TwiML. */
    String render(VoiceReply reply) {
        if (reply instanceof VoiceReply.Dial d) {
            String whisper = d.whispered() ? webhooks.whisper(d.sessionId(), d.announceOrder(), d.recorded()) : null;
            return dial(d.callId(), d.number().e164(), d.callerId().e164(), d.ringTimeout(), d.timeLimit(), whisper,
                    d.consentNotice());
        }
        if (reply instanceof VoiceReply.Menu m) {
            return menu(m.attempt(), m.prompt());
        }
        if (reply instanceof VoiceReply.Say say) {
            return say(say.messages());
        }
        if (reply instanceof VoiceReply.SayAndHangUp s) {
            return sayAndHangUp(s.message());
        }
        if (reply instanceof VoiceReply.SayAndForward f) {
            return sayAndForward(f.message(), f.supportNumber(), f.callerId().e164());
        }
        return hangUp();
    }

    /**
     * Dials the callee showing {@code callerId}. {@code answerOnBridge} keeps the caller hearing
     * ringing until the callee answers; the callee's leg reports to our status webhook.
     */
    String dial(String callId, String number, String callerId, Duration ringTimeout, Duration timeLimit) {
        return dial(callId, number, callerId, ringTimeout, timeLimit, null);
    }

    /** As above; with {@code whisperUrl}, the callee hears that TwiML before the bridge (a hub party's order). */
    String dial(String callId, String number, String callerId, Duration ringTimeout, Duration timeLimit,
            String whisperUrl) {
        return dial(callId, number, callerId, ringTimeout, timeLimit, whisperUrl, null);
    }

    /**
     * As above; with a {@code consentNotice}, the call is recorded: the caller hears the notice
     * before the dial, and Twilio records both parties on two channels from the callee's answer,
     * reporting the recording to our recording webhook. The callee hears the notice in its whisper.
     */
    String dial(String callId, String number, String callerId, Duration ringTimeout, Duration timeLimit,
            String whisperUrl, String consentNotice) {
        Number.Builder callee = new Number.Builder(number)
                .statusCallback(webhooks.calleeStatus(callId))
                .statusCallbackEvents(LEG_EVENTS);
        if (whisperUrl != null) {
            callee.url(whisperUrl);
        }
        Dial.Builder dial = new Dial.Builder()
                .callerId(callerId)
                .action(webhooks.dialComplete(callId))
                .timeout((int) ringTimeout.toSeconds())
                .timeLimit((int) timeLimit.toSeconds())
                .answerOnBridge(true)
                .number(callee.build());
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        if (consentNotice != null) {
            // Dial accepts in-progress, completed and absent; a failed recording comes as a status.
            dial.record(Dial.Record.RECORD_FROM_ANSWER_DUAL)
                    .recordingStatusCallback(webhooks.recording())
                    .recordingStatusCallbackMethod(HttpMethod.POST)
                    .recordingStatusCallbackEvents(RECORDING_EVENTS);
            response.say(new Say.Builder(consentNotice).build());
        }
        return response.dial(dial.build()).build().toXml();
    }

    /**
     * Asks for the order code. With no input Twilio falls through to the redirect, which reports
     * the attempt to the same action without digits, so silence counts as a wrong code.
     */
    String menu(int attempt, String prompt) {
        String action = webhooks.menu(attempt);
        // No numDigits: a busy party's codes grow with its load, so the caller ends the code with
        // '#' (or pauses, and the timeout submits what was entered).
        Gather gather = new Gather.Builder()
                .inputs(Gather.Input.DTMF)
                .finishOnKey("#")
                .timeout(8)
                .action(action)
                .method(HttpMethod.POST)
                .say(new Say.Builder(prompt).build())
                .build();
        return new VoiceResponse.Builder()
                .gather(gather)
                .redirect(new Redirect.Builder(action).method(HttpMethod.POST).build())
                .build().toXml();
    }

    /** Speaks a message, then connects the caller to support showing the number it dialled. */
    String sayAndForward(String message, String supportNumber, String callerId) {
        return new VoiceResponse.Builder()
                .say(new Say.Builder(message).build())
                .dial(new Dial.Builder().callerId(callerId).number(new Number.Builder(supportNumber).build()).build())
                .build().toXml();
    }

    /** Speaks only: a whisper, heard by the callee before the bridge. */
    String say(String message) {
        return say(List.of(message));
    }

    /** Speaks each message in turn (nothing, when there are none). */
    String say(List<String> messages) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        messages.forEach(m -> response.say(new Say.Builder(m).build()));
        return response.build().toXml();
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
