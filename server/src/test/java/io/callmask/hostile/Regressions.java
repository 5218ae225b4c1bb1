package io.callmask.hostile;

import io.callmask.hostile.HostileCase.Expect;
import io.callmask.support.TwilioSigner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hostile values aimed at live objects, which the table's families (built on refused or
 * read-only valid calls) cannot reach: a correctly signed webhook about the fixture's real call
 * or session with one bad value. Each was a 5xx or a silent write before it was fixed.
 */
final class Regressions {

    private Regressions() {}

    static List<HostileCase> cases(Endpoints.Fixture f, String base, String authToken, String apiKey) {
        List<HostileCase> cases = new ArrayList<>();
        Endpoint voice = Endpoint.webhook("/webhooks/twilio/voice").spoken();
        Endpoint connect = Endpoint.webhook("/webhooks/twilio/connect").spoken();
        Endpoint status = Endpoint.webhook("/webhooks/twilio/status");
        Endpoint dialComplete = Endpoint.webhook("/webhooks/twilio/dial-complete");
        for (String sid : Values.SIDS) {
            // a bad CallSid with the numbers of an open session: once stored as a leg (or a 5xx on a long one)
            cases.add(signed(voice, "live session, CallSid=" + Families.show(sid), "/webhooks/twilio/voice",
                    Endpoints.voice(f.customerPhone(), f.customerMasked(), sid), base, authToken));
            cases.add(signed(connect, "live call, CallSid=" + Families.show(sid),
                    "/webhooks/twilio/connect?call=" + Families.enc(f.callId()), Endpoints.map2("CallSid", sid), base,
                    authToken));
            cases.add(signed(status, "live call, CallSid=" + Families.show(sid),
                    "/webhooks/twilio/status?call=" + Families.enc(f.callId()) + "&leg=callee",
                    Endpoints.map2("CallSid", sid, "CallStatus", "ringing"), base, authToken));
            if (!sid.isEmpty()) { // an empty DialCallSid means "nobody was dialled", which is fine
                cases.add(signed(dialComplete, "live call, DialCallSid=" + Families.show(sid),
                        "/webhooks/twilio/dial-complete?call=" + Families.enc(f.callId()),
                        Endpoints.map2("DialCallStatus", "completed", "DialCallSid", sid), base, authToken));
            }
        }
        for (String[] bad : List.of(new String[] {"SequenceNumber", "-1"}, new String[] {"CallDuration", "-5"})) {
            cases.add(signed(status, "live call, " + bad[0] + "=" + bad[1],
                    "/webhooks/twilio/status?call=" + Families.enc(f.callId()) + "&leg=caller",
                    Endpoints.map2("CallSid", f.callSid(), "CallStatus", "ringing", bad[0], bad[1]), base, authToken));
        }
        cases.add(signed(dialComplete, "live call, DialCallDuration=-5",
                "/webhooks/twilio/dial-complete?call=" + Families.enc(f.callId()),
                Endpoints.map2("DialCallStatus", "completed", "DialCallSid", "CA" + "cd".repeat(16), "DialCallDuration",
                        "-5"), base, authToken));
        return cases;
    }

    private static HostileCase signed(Endpoint e, String label, String target, Map<String, String> params, String base,
            String authToken) {
        List<String[]> headers = List.of(new String[] {"X-Twilio-Signature", TwilioSigner.sign(authToken, base + target, params)},
                new String[] {"Content-Type", Families.FORM});
        return new HostileCase("live-object", label, e, new RawHttp.Request("POST", target, headers,
                Families.form(params).getBytes(StandardCharsets.UTF_8), false), Expect.REFUSED, Set.of(), List.of());
    }
}
