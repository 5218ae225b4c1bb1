package io.callmask.conformance;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;

/**
 * Plays one carrier for the conformance suite: its REST API as a local fake that accepts only
 * requests of the documented shape ({@link #stub}), and its webhooks, sent in its documented format
 * and signed the way it signs them. The scenarios ({@link CarrierConformance}) are written once
 * against this interface; each carrier's driver is the only carrier-specific test code.
 */
interface CarrierDriver {

    /** The carrier's name, as callmask stores it. */
    String name();

    /** Settings that enable this carrier, own every pool/hub number, and point its REST client at {@code fake}. */
    List<String> settings(String fakeBaseUrl);

    /** Stubs the REST endpoints callmask may use, each matching only the documented request shape. */
    void stub(WireMockServer fake);

    /** The click-to-call first leg callmask asked the fake to place to {@code to}, checked against the documented shape. */
    PlacedCall placed(WireMockServer fake, String to);

    /** A new carrier id for a leg, in the carrier's own format. */
    String newCallSid();

    /** The carrier reports that the first leg of a click-to-call was answered and asks what to do. */
    Reply answered(CarrierApp app, PlacedCall call, String callSid);

    /** The carrier reports that {@code from} dialled our number {@code to}. */
    Reply incoming(CarrierApp app, String callSid, String from, String to);

    /** As {@link #incoming}, with a signature (or secret) the carrier would never send. */
    Reply forgedIncoming(CarrierApp app, String callSid, String from, String to);

    /** What a forged webhook gets: 403 where the carrier signs; where it cannot, what its protection answers. */
    default int refusedStatus() {
        return 403;
    }

    /**
     * Scenarios this carrier cannot do, by method name, with the reason. Such a scenario is not
     * skipped: it checks that callmask refuses (or reports) it clearly instead, and the table says
     * "not supported".
     */
    default java.util.Map<String, String> notSupported() {
        return java.util.Map.of();
    }

    /** A status report for a leg, to {@code statusUrl} as callmask gave it. {@code status} is callmask's wire word. */
    Reply status(CarrierApp app, String statusUrl, String callSid, String status, int sequence, Integer duration);

    /** The dial to the callee ended with {@code status} (callmask's wire word); answers what the caller hears next. */
    Reply dialEnded(CarrierApp app, Reply dial, String dialCallSid, String status, Integer duration);

    /** The caller entered {@code digits} in the menu {@code menu} answered; posts them to its action. */
    Reply digits(CarrierApp app, Reply menu, String callSid, String from, String to, String digits);

    /** The carrier fetches the callee's whisper named in {@code dial}, as it does when the callee answers. */
    Reply whisper(CarrierApp app, Reply dial, String calleeSid);

    /** The carrier reports a completed recording of the call whose leg is {@code callSid}. */
    Reply recordingCompleted(CarrierApp app, Reply dial, String callSid, String recordingSid, int seconds);

    /** A recording id in the carrier's format. */
    String newRecordingSid();

    /** Stubs the recording's audio at the fake; returns the request path callmask must use. */
    String stubRecordingAudio(WireMockServer fake, String recordingSid, byte[] audio);

    /**
     * Scenarios (by method name) this carrier cannot run, each with the check that runs instead: what
     * callmask does in its place, asserted (a clear refusal at start-up or per request). The table
     * reports them as "not supported"; a failing check is a failure like any other.
     */
    default java.util.Map<String, Unsupported> unsupported() {
        return java.util.Map.of();
    }

    /**
     * Whether the carrier shows one caller ID on both legs (a carrier that bridges a click-to-call
     * itself): the callee then sees the caller's masked number, not its own.
     */
    default boolean oneCallerIdForBothLegs() {
        return false;
    }

    /** Why a scenario does not apply, and the check of the refusal that takes its place. */
    record Unsupported(String reason, java.util.function.Consumer<CarrierConformance> check) {}

    /** The first leg of a click-to-call as the fake received it. */
    record PlacedCall(String to, String from, String answerUrl, String statusUrl, String carrierSid) {}

    /**
     * A webhook's answer, read from the carrier's markup: what is said, the dial (if any) with its
     * number, caller ID, whether it records, and the callbacks callmask asked for.
     */
    record Reply(int status, String body, List<String> said, String dialNumber, String callerId, boolean recorded,
            String dialActionUrl, String calleeStatusUrl, boolean hangsUp, boolean menu, String menuActionUrl,
            String whisperUrl) {

        boolean dials() {
            return dialNumber != null;
        }
    }
}
