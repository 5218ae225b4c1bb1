package io.callmask.emulator;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;

/**
 * An in-process stand-in for Twilio Programmable Voice: the account's incoming numbers, the outside world's
 * virtual phones, and the calls between them, driven by the same HTTP and TwiML the real service uses.
 * The app points the official SDK at it with {@link #accountSid()} and {@link #authToken()}, and configures
 * numbers with {@link #registerIncomingNumber}; everything else happens over HTTP under {@code /emulator}.
 */
public class TwilioEmulator implements DisposableBean {

    static final String NOT_IN_SERVICE = "The number you have dialled is not in service.";

    private final String accountSid;
    private final String authToken;
    private final EmulatorProperties properties;
    private final EmulatorClock clock;
    private final Switchboard board;
    private final TwimlRunner runner;
    private final Map<String, IncomingNumber> incomingNumbers = new TreeMap<>();
    private final PhoneActions phoneActions;

    TwilioEmulator(EmulatorProperties properties, String authToken) {
        this(properties, authToken, () -> "http://localhost:8080/emulator/twilio");
    }

    /** {@code restBase}: where the emulator's REST surface is reached; recording URLs point there. */
    TwilioEmulator(EmulatorProperties properties, String authToken, Supplier<String> restBase) {
        this.properties = properties;
        this.accountSid = properties.accountSid();
        this.authToken = authToken;
        this.clock = new EmulatorClock(properties.timeScale());
        this.board = new Switchboard(accountSid, clock,
                new WebhookClient(new WebhookSigner(authToken), properties.webhookTimeout(),
                        properties.loadBalancer() == null ? null : properties.loadBalancer().publicUrl(),
                        properties.loadBalancer() == null ? java.util.List.of() : properties.loadBalancer().instances()),
                restBase);
        this.runner = new TwimlRunner(board);
        this.phoneActions = new PhoneActions(board);
    }

    /** The account SID the emulator's REST surface accepts. */
    public String accountSid() {
        return accountSid;
    }

    /** The auth token the REST surface accepts and webhooks are signed with. */
    public String authToken() {
        return authToken;
    }

    /** Like setting a purchased number's Voice URL in Twilio's console: calls to it request {@code voiceUrl}. */
    public void registerIncomingNumber(String e164, URI voiceUrl) {
        registerIncomingNumber(e164, voiceUrl, null);
    }

    /**
     * As {@link #registerIncomingNumber(String, URI)}, plus the number's "call status changes" URL, which gets the
     * final status of every inbound call (Twilio sends only the {@code completed} event for it).
     */
    public void registerIncomingNumber(String e164, URI voiceUrl, URI statusCallback) {
        E164.require(e164, "number");
        requireAbsolute(voiceUrl, "voiceUrl");
        if (statusCallback != null) {
            requireAbsolute(statusCallback, "statusCallback");
        }
        synchronized (incomingNumbers) {
            incomingNumbers.put(e164, new IncomingNumber(e164, voiceUrl, statusCallback));
        }
    }

    private static void requireAbsolute(URI url, String what) {
        if (url == null || !url.isAbsolute() || !url.getScheme().startsWith("http")) {
            throw new BadRequestException(what + " must be an absolute http(s) URL");
        }
    }

    List<IncomingNumber> incomingNumbers() {
        synchronized (incomingNumbers) {
            return List.copyOf(incomingNumbers.values());
        }
    }

    Switchboard board() {
        return board;
    }

    PhoneActions phoneActions() {
        return phoneActions;
    }

    /**
     * A REST-created call: queued now, then initiated, ringing and (if answered) running the answer URL.
     * {@code reply} renders the API's answer while the call is still queued, as Twilio's answer shows it.
     */
    <T> T createCall(OutboundCall request, Function<Leg, T> reply) {
        Leg leg = board.newLeg(null, Leg.OUTBOUND_API, request.from(), request.to(), request.statusCallback());
        double ringSeconds = request.timeoutSeconds() != null ? request.timeoutSeconds()
                : properties.defaultRingTimeoutSeconds();
        leg.addListener(new LegListener() {
            @Override
            public void answered(Leg answered) {
                if (request.timeLimitSeconds() != null) {
                    leg.addTimer(clock.after(request.timeLimitSeconds(), () -> board.end(leg, CallStatus.COMPLETED)));
                }
                if (request.twiml() != null) {
                    runner.runInline(leg, request.twiml());
                } else {
                    runner.fetchAndRun(leg, request.url(), request.method(), Map.of());
                }
            }
        });
        T answer = reply.apply(leg);
        clock.work(() -> {
            board.initiate(leg);
            board.ring(leg, ringSeconds);
        });
        return answer;
    }

    /** A phone dials: an incoming number runs its voice URL; any other number is not in service. */
    Leg dialIn(String phoneNumber, String dialled) {
        E164.require(phoneNumber, "phone number");
        E164.require(dialled, "to");
        IncomingNumber number;
        synchronized (incomingNumbers) {
            number = incomingNumbers.get(dialled);
        }
        StatusCallback callback = number == null || number.statusCallback() == null ? null
                : StatusCallback.of(number.statusCallback().toString(), "POST", List.of("completed"));
        Leg leg = board.newLeg(null, Leg.INBOUND, phoneNumber, dialled, callback);
        if (!leg.phone.occupy(leg, false)) {
            board.end(leg, CallStatus.FAILED);
            throw new ConflictException("phone is already in a call");
        }
        if (number == null) {
            leg.hear(NOT_IN_SERVICE);
            board.end(leg, CallStatus.FAILED);
            return leg;
        }
        leg.advance(CallStatus.RINGING);
        runner.fetchAndRun(leg, number.voiceUrl(), "POST", Map.of());
        return leg;
    }

    Leg call(String sid) {
        return board.calls.find(sid).orElseThrow(() -> new NotFoundException("no call with sid " + sid));
    }

    List<Leg> calls(int limit) {
        return board.calls.latest(limit);
    }

    /** Twilio's "modify call": completed hangs up (or cancels, before answer); canceled only cancels. */
    void modify(Leg leg, String status) {
        if (!"completed".equals(status) && !"canceled".equals(status)) {
            throw new BadRequestException("Status must be completed or canceled");
        }
        if (leg.status().beforeAnswer()) {
            board.end(leg, CallStatus.CANCELED);
        } else if ("completed".equals(status)) {
            board.end(leg, CallStatus.COMPLETED);
        }
    }

    VirtualPhone phone(String number) {
        return board.phones.get(E164.require(number, "phone number"));
    }

    List<VirtualPhone> phones() {
        return board.phones.all();
    }

    NetworkFaults networkFaults() {
        return board.faults();
    }

    void networkFaults(NetworkFaults faults) {
        board.faults(faults);
    }

    WebhookTally webhookTally() {
        return board.webhooks().tally();
    }

    void clear() {
        board.phones.clear();
        board.calls.clear();
        board.recordings.clear();
    }

    CallRecording recording(String sid) {
        return board.recordings.find(sid).orElseThrow(() -> new NotFoundException("no recording with sid " + sid));
    }

    List<CallRecording> recordings(int limit) {
        return board.recordings.latest(limit);
    }

    /** Twilio's "delete recording": false when there was none. */
    boolean deleteRecording(String sid) {
        return board.recordings.delete(sid);
    }

    @Override
    public void destroy() {
        clock.close();
    }
}
