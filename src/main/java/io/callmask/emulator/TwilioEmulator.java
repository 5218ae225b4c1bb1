package io.callmask.emulator;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    private final Map<String, URI> incomingNumbers = new TreeMap<>();

    TwilioEmulator(EmulatorProperties properties, String authToken) {
        this.properties = properties;
        this.accountSid = properties.accountSid();
        this.authToken = authToken;
        this.clock = new EmulatorClock(properties.timeScale());
        this.board = new Switchboard(accountSid, clock,
                new WebhookClient(new WebhookSigner(authToken), properties.webhookTimeout()));
        this.runner = new TwimlRunner(board);
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
        E164.require(e164, "number");
        if (voiceUrl == null || !voiceUrl.isAbsolute()) {
            throw new BadRequestException("voiceUrl must be an absolute http(s) URL");
        }
        synchronized (incomingNumbers) {
            incomingNumbers.put(e164, voiceUrl);
        }
    }

    Map<String, URI> incomingNumbers() {
        synchronized (incomingNumbers) {
            return Map.copyOf(incomingNumbers);
        }
    }

    /** A REST-created call: queued now, then initiated, ringing and (if answered) running the answer URL. */
    Leg createCall(OutboundCall request) {
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
        clock.work(() -> {
            board.initiate(leg);
            board.ring(leg, ringSeconds);
        });
        return leg;
    }

    /** A phone dials: an incoming number runs its voice URL; any other number is not in service. */
    Leg dialIn(String phoneNumber, String dialled) {
        E164.require(phoneNumber, "phone number");
        E164.require(dialled, "to");
        URI voiceUrl = incomingNumbers().get(dialled);
        Leg leg = board.newLeg(null, Leg.INBOUND, phoneNumber, dialled, null);
        if (!leg.phone.occupy(leg, false)) {
            board.end(leg, CallStatus.FAILED);
            throw new ConflictException("phone is already in a call");
        }
        if (voiceUrl == null) {
            leg.hear(NOT_IN_SERVICE);
            board.end(leg, CallStatus.FAILED);
            return leg;
        }
        leg.advance(CallStatus.RINGING);
        runner.fetchAndRun(leg, voiceUrl, "POST", Map.of());
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

    void clear() {
        board.phones.clear();
        board.calls.clear();
    }

    void answer(VirtualPhone phone) {
        board.answer(ringingLeg(phone));
    }

    void reject(VirtualPhone phone) {
        board.end(ringingLeg(phone), CallStatus.BUSY);
    }

    void hangup(VirtualPhone phone) {
        Leg leg = currentLeg(phone);
        if (leg.status().beforeAnswer()) {
            // Rung phone declining, or a caller giving up before the other side answered.
            board.end(leg, leg.phone == phone && !Leg.INBOUND.equals(leg.direction) ? CallStatus.BUSY
                    : CallStatus.CANCELED);
        } else {
            board.end(leg, CallStatus.COMPLETED);
        }
    }

    void pressDigits(VirtualPhone phone, String digits) {
        if (digits == null || !digits.matches("[0-9*#]+")) {
            throw new BadRequestException("digits may hold only 0-9, * and #, was '" + digits + "'");
        }
        Leg leg = currentLeg(phone);
        if (leg.status() != CallStatus.IN_PROGRESS) {
            throw new ConflictException("the phone's call is not connected");
        }
        leg.pressDigits(digits);
    }

    private Leg ringingLeg(VirtualPhone phone) {
        VirtualPhone.Entry current = phone.current();
        if (current == null || !current.incoming() || current.leg().status() != CallStatus.RINGING) {
            throw new ConflictException("the phone is not ringing");
        }
        return current.leg();
    }

    private Leg currentLeg(VirtualPhone phone) {
        VirtualPhone.Entry current = phone.current();
        if (current == null) {
            throw new ConflictException("the phone is not in a call");
        }
        return current.leg();
    }

    @Override
    public void destroy() {
        clock.close();
    }
}
