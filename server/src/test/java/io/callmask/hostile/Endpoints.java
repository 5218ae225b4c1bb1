package io.callmask.hostile;

import static io.callmask.hostile.Endpoint.Field.DIGITS;
import static io.callmask.hostile.Endpoint.Field.ENUM;
import static io.callmask.hostile.Endpoint.Field.ID;
import static io.callmask.hostile.Endpoint.Field.INTEGER;
import static io.callmask.hostile.Endpoint.Field.NUMBER;
import static io.callmask.hostile.Endpoint.Field.SID;
import static io.callmask.hostile.Endpoint.Field.TEXT;
import static io.callmask.hostile.Endpoint.Field.TTL;
import static io.callmask.hostile.Endpoint.Field.URL;
import static io.callmask.hostile.Endpoint.api;
import static io.callmask.hostile.Endpoint.console;
import static io.callmask.hostile.Endpoint.emulator;
import static io.callmask.hostile.Endpoint.emulatorTwilio;
import static io.callmask.hostile.Endpoint.publicPage;
import static io.callmask.hostile.Endpoint.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * THE TABLE: every endpoint and webhook, one line each, with a valid call built on the fixture
 * (a retailer, an order, an open session, a dialled-in call). To cover a new endpoint, add a line.
 */
final class Endpoints {

    private Endpoints() {}

    /** The fixture the valid calls refer to; created once per run by the suite. */
    record Fixture(String retailerId, String retailerPhone, String orderId, String customerPhone, String sessionId,
            String reference, String customerMasked, String callId, String callSid, String stranger, String pool,
            String hub, String emulatorAccount) {}

    static List<Endpoint> table(Fixture f) {
        String call = f.callId();
        return List.of(
                // --- the platform API (/v1) ----------------------------------------------------
                api("PUT", "/v1/retailers/{id}").path("id", f.retailerId(), ID)
                        .json(map("name", "Hostile Shop", "phone", f.retailerPhone()), "name", TEXT, "phone", NUMBER)
                        .required("name", "phone").mayChange("retailers").hugeBodies(),
                api("GET", "/v1/retailers/{id}").path("id", f.retailerId(), ID),
                api("PUT", "/v1/orders/{id}").path("id", f.orderId(), ID)
                        .json(map("retailerId", f.retailerId(), "customerId", "cust-1", "customerPhone", f.customerPhone(),
                                "status", "placed"), "retailerId", ID, "customerId", ID, "customerPhone", NUMBER,
                                "status", ENUM)
                        .required("retailerId", "customerPhone", "status").mayChange("orders", "sessions"),
                api("GET", "/v1/orders/{id}").path("id", f.orderId(), ID),
                api("POST", "/v1/sessions")
                        .json(map("reference", f.reference(), "ttlSeconds", 3600, "parties", List.of(
                                map("role", "retailer", "id", "r1", "number", f.retailerPhone()),
                                map("role", "customer", "id", "c1", "number", f.customerPhone()))),
                                "reference", ID, "ttlSeconds", TTL, "parties", ID, "parties.0.role", ID,
                                "parties.1.id", TEXT, "parties.1.number", NUMBER)
                        .required("reference", "parties").mayChange("sessions", "parties", "routes", "hub_routes", "hub_loads", "events")
                        .hugeBodies(),
                api("GET", "/v1/sessions/{id}").path("id", f.sessionId(), ID),
                api("GET", "/v1/sessions").query("reference", f.reference(), ID).required("reference"),
                api("POST", "/v1/sessions/{id}/close").path("id", "ses_closed_no_such_session", ID),
                api("POST", "/v1/sessions/{id}/calls").path("id", "ses_no_such_session", ID)
                        .json(map("from", "retailer"), "from", ENUM).required("from"),
                api("GET", "/v1/sessions/{id}/calls").path("id", f.sessionId(), ID),
                api("GET", "/v1/calls/{id}").path("id", call, ID),
                // refused for a reason the families leave alone: the order is another retailer's
                api("POST", "/v1/masked-calls")
                        .json(map("orderId", f.orderId(), "retailerId", "r-not-the-owner", "customerPhone", f.customerPhone(),
                                "record", false),
                                "orderId", ID, "retailerId", ID, "customerPhone", NUMBER, "record", ENUM)
                        .required("orderId", "retailerId"),
                // tokens are signed, not stored: a valid issuance changes nothing
                api("POST", "/v1/retailer-tokens").json(map("retailerId", f.retailerId(), "ttlSeconds", 900),
                        "retailerId", ID, "ttlSeconds", TTL).required("retailerId"),
                api("GET", "/v1/calls/{id}/recordings").path("id", call, ID),
                api("GET", "/v1/recordings/{id}/media").operator().path("id", "rec_no_such_recording", ID),
                api("GET", "/v1/alerts").query("retailerId", f.retailerId(), ID).query("rule", "short-call-burst", ENUM)
                        .query("since", "2026-01-01T00:00:00Z", TEXT).query("limit", "10", INTEGER),
                api("GET", "/v1/retailers/{id}/block").operator().path("id", f.retailerId(), ID),
                // the fixture's retailer is not blocked: lifting no block changes nothing
                api("DELETE", "/v1/retailers/{id}/block").operator().path("id", f.retailerId(), ID),
                api("GET", "/v1/audit").operator().query("since", "2026-01-01T00:00:00Z", TEXT)
                        .query("limit", "10", INTEGER),
                api("GET", "/v1/costs").query("from", "2026-11-01", TEXT).query("to", "2026-11-02", TEXT)
                        .query("top", "10", INTEGER),
                api("GET", "/v1/events").query("type", "dial-in.rejected", ID).query("sessionId", f.sessionId(), ID)
                        .query("limit", "10", INTEGER),

                // --- Twilio's webhooks (signed form posts) -------------------------------------
                webhook("/webhooks/twilio/voice").spoken()
                        .form(voice(f.stranger(), f.pool(), "CA" + "1".repeat(32)), "CallSid", SID, "From", NUMBER,
                                "To", NUMBER)
                        .required("CallSid", "From", "To").mayRecordEvents("dial-in.rejected").hugeBodies(),
                webhook("/webhooks/twilio/menu").spoken().query("attempt", "1", INTEGER)
                        .form(with(voice(f.stranger(), f.hub(), "CA" + "2".repeat(32)), "Digits", "1234"),
                                "CallSid", SID, "From", NUMBER, "To", NUMBER, "Digits", DIGITS)
                        .required("attempt", "CallSid", "From", "To").mayRecordEvents("dial-in.rejected"),
                webhook("/webhooks/twilio/whisper").query("session", f.sessionId(), ID).form(map2()),
                webhook("/webhooks/twilio/connect").spoken().query("call", "call_no_such_call", ID)
                        .form(map2("CallSid", "CA" + "3".repeat(32)), "CallSid", SID).required("call", "CallSid"),
                webhook("/webhooks/twilio/status").query("call", "call_no_such_call", ID).query("leg", "caller", ENUM)
                        .form(map2("CallSid", "CA" + "4".repeat(32), "CallStatus", "ringing", "SequenceNumber", "1",
                                "CallDuration", "0"), "CallSid", SID, "CallStatus", ENUM, "SequenceNumber", INTEGER,
                                "CallDuration", INTEGER)
                        .required("call", "leg", "CallSid", "CallStatus"),
                webhook("/webhooks/twilio/dial-complete").query("call", "call_no_such_call", ID)
                        .form(map2("DialCallStatus", "busy"), "DialCallStatus", ENUM, "DialCallSid", SID,
                                "DialCallDuration", INTEGER)
                        .required("call", "DialCallStatus"),
                // a recording of a call callmask does not know: acknowledged, nothing stored
                webhook("/webhooks/twilio/recording")
                        .form(map2("CallSid", "CA" + "7".repeat(32), "RecordingSid", "RE" + "7".repeat(32),
                                "RecordingStatus", "completed", "RecordingDuration", "3", "RecordingChannels", "2",
                                "RecordingUrl", "http://localhost:1/recording"), "CallSid", SID, "RecordingSid", SID,
                                "RecordingStatus", ENUM, "RecordingDuration", INTEGER, "RecordingChannels", INTEGER,
                                "RecordingUrl", URL)
                        .required("CallSid", "RecordingSid", "RecordingStatus"),

                // --- Telnyx's TeXML webhooks (form posts, Ed25519 over timestamp|body) ------------
                webhook("/webhooks/telnyx/voice").carrier("telnyx").spoken()
                        .form(texml(f.stranger(), f.pool(), "v3:" + "1".repeat(40)), "CallSid", SID, "From", NUMBER,
                                "To", NUMBER)
                        .required("CallSid", "From", "To").mayRecordEvents("dial-in.rejected").hugeBodies(),
                webhook("/webhooks/telnyx/menu").carrier("telnyx").spoken().query("attempt", "1", INTEGER)
                        .form(with(texml(f.stranger(), f.hub(), "v3:" + "2".repeat(40)), "Digits", "1234"),
                                "CallSid", SID, "From", NUMBER, "To", NUMBER, "Digits", DIGITS)
                        .required("attempt", "CallSid", "From", "To").mayRecordEvents("dial-in.rejected"),
                webhook("/webhooks/telnyx/whisper").carrier("telnyx").query("session", f.sessionId(), ID).form(map2()),
                webhook("/webhooks/telnyx/connect").carrier("telnyx").spoken().query("call", "call_no_such_call", ID)
                        .form(map2("CallSid", "v3:" + "3".repeat(40)), "CallSid", SID).required("call", "CallSid"),
                webhook("/webhooks/telnyx/status").carrier("telnyx").query("call", "call_no_such_call", ID)
                        .query("leg", "caller", ENUM)
                        .form(map2("CallSid", "v3:" + "4".repeat(40), "CallStatus", "ringing", "SequenceNumber", "1",
                                "CallDuration", "0"), "CallSid", SID, "CallStatus", ENUM, "SequenceNumber", INTEGER,
                                "CallDuration", INTEGER)
                        .required("call", "leg", "CallSid", "CallStatus"),
                webhook("/webhooks/telnyx/dial-complete").carrier("telnyx").query("call", "call_no_such_call", ID)
                        .form(map2("DialCallStatus", "busy"), "DialCallStatus", ENUM, "DialCallSid", SID,
                                "DialCallDuration", INTEGER)
                        .required("call"),
                webhook("/webhooks/telnyx/recording").carrier("telnyx")
                        .form(map2("CallSid", "v3:" + "7".repeat(40), "RecordingSid", "7d6f0b2e-0c1a-4f3e-9b8a-1234567890ab",
                                "RecordingStatus", "completed", "RecordingDuration", "3", "RecordingChannels", "2",
                                "RecordingUrl", "https://s3.amazonaws.com/recording.mp3"), "CallSid", SID,
                                "RecordingSid", SID, "RecordingStatus", ENUM, "RecordingDuration", INTEGER,
                                "RecordingChannels", INTEGER, "RecordingUrl", URL)
                        .required("CallSid", "RecordingSid", "RecordingStatus"),

                // --- Plivo's webhooks (form posts, signature V3) -------------------------------
                webhook("/webhooks/plivo/voice").carrier("plivo").spoken()
                        .form(plivo(f.stranger(), f.pool(), "11111111-1111-4111-8111-111111111111"), "CallUUID", SID,
                                "From", NUMBER, "To", NUMBER)
                        .required("CallUUID", "From", "To").mayRecordEvents("dial-in.rejected").hugeBodies(),
                webhook("/webhooks/plivo/menu").carrier("plivo").spoken().query("attempt", "1", INTEGER)
                        .form(with(plivo(f.stranger(), f.hub(), "22222222-2222-4222-8222-222222222222"), "Digits", "1234"),
                                "CallUUID", SID, "From", NUMBER, "To", NUMBER, "Digits", DIGITS)
                        .required("attempt", "CallUUID", "From", "To").mayRecordEvents("dial-in.rejected"),
                webhook("/webhooks/plivo/whisper").carrier("plivo").query("session", f.sessionId(), ID).form(map2()),
                webhook("/webhooks/plivo/connect").carrier("plivo").spoken().query("call", "call_no_such_call", ID)
                        .form(map2("CallUUID", "33333333-3333-4333-8333-333333333333"), "CallUUID", SID)
                        .required("call", "CallUUID"),
                webhook("/webhooks/plivo/status").carrier("plivo").query("call", "call_no_such_call", ID)
                        .form(map2("CallUUID", "44444444-4444-4444-8444-444444444444", "CallStatus", "ringing",
                                "Duration", "0"), "CallUUID", SID, "CallStatus", ENUM, "Duration", INTEGER)
                        .required("call", "CallUUID", "CallStatus"),
                // a leg callmask does not know: acknowledged, nothing stored
                webhook("/webhooks/plivo/hangup").carrier("plivo")
                        .form(map2("CallUUID", "55555555-5555-4555-8555-555555555555", "CallStatus", "completed",
                                "Duration", "3"), "CallUUID", SID, "CallStatus", ENUM, "Duration", INTEGER)
                        .required("CallUUID", "CallStatus"),
                webhook("/webhooks/plivo/dial-events").carrier("plivo").query("call", "call_no_such_call", ID)
                        .form(map2("DialAction", "answer", "DialBLegUUID", "66666666-6666-4666-8666-666666666666",
                                "DialBLegDuration", "0"), "DialAction", ENUM, "DialBLegUUID", SID,
                                "DialBLegDuration", INTEGER)
                        .required("call", "DialAction"),
                webhook("/webhooks/plivo/dial-complete").carrier("plivo").query("call", "call_no_such_call", ID)
                        .form(map2("DialStatus", "busy", "DialALegUUID", "77777777-7777-4777-8777-777777777777"),
                                "DialStatus", ENUM, "DialALegUUID", SID)
                        .required("call", "DialStatus"),
                webhook("/webhooks/plivo/recording").carrier("plivo").query("call", "call_no_such_call", ID)
                        .form(map2("RecordingID", "88888888-8888-4888-8888-888888888888", "RecordUrl",
                                "https://s3.amazonaws.com/recordings_2013/x.mp3", "RecordingDuration", "3"),
                                "RecordingID", SID, "RecordUrl", URL, "RecordingDuration", INTEGER)
                        .required("call", "RecordingID"),

                // --- Vonage's webhooks (signed JWTs; the answer URL by GET or JSON POST, the rest JSON) ---
                webhook("GET", "/webhooks/vonage/answer").carrier("vonage").spoken()
                        .query("to", f.pool().substring(1), NUMBER).query("from", f.stranger().substring(1), NUMBER)
                        .query("uuid", "11111111-1111-4111-8111-111111111111", SID)
                        .query("conversation_uuid", "CON-11111111-1111-4111-8111-111111111111", TEXT)
                        .required("to", "from", "uuid").mayRecordEvents("dial-in.rejected"),
                webhook("/webhooks/vonage/answer").carrier("vonage").spoken()
                        .jsonWebhook(vonage(f.stranger(), f.pool(), "12121212-1212-4121-8121-121212121212"), "uuid", SID,
                                "from", NUMBER, "to", NUMBER)
                        .required("uuid", "from", "to").mayRecordEvents("dial-in.rejected"),
                webhook("/webhooks/vonage/menu").carrier("vonage").spoken().query("attempt", "1", INTEGER)
                        .jsonWebhook(withDtmf(vonage(f.stranger(), f.hub(), "22222222-2222-4222-8222-222222222222"), "1234"),
                                "uuid", SID, "from", NUMBER, "to", NUMBER, "dtmf.digits", DIGITS)
                        .required("attempt", "uuid", "from", "to").mayRecordEvents("dial-in.rejected"),
                webhook("GET", "/webhooks/vonage/whisper").carrier("vonage").query("session", f.sessionId(), ID),
                webhook("/webhooks/vonage/connect").carrier("vonage").spoken().query("call", "call_no_such_call", ID)
                        .jsonWebhook(vonage(f.pool(), f.stranger(), "33333333-3333-4333-8333-333333333333"), "uuid", SID)
                        .required("call", "uuid"),
                // the Application's event URL, a leg callmask does not know: acknowledged, nothing stored
                webhook("/webhooks/vonage/event").carrier("vonage")
                        .jsonWebhook(vonageEvent("55555555-5555-4555-8555-555555555555", "completed", "3"), "uuid", SID,
                                "status", ENUM, "duration", INTEGER, "timestamp", TEXT)
                        .required("uuid", "status"),
                webhook("/webhooks/vonage/event").carrier("vonage").query("call", "call_no_such_call", ID)
                        .query("leg", "callee", ENUM)
                        .jsonWebhook(vonageEvent("44444444-4444-4444-8444-444444444444", "busy", "0"), "uuid", SID,
                                "status", ENUM, "duration", INTEGER)
                        .required("leg", "uuid", "status"),
                webhook("/webhooks/vonage/recording").carrier("vonage").query("call", "call_no_such_call", ID)
                        .jsonWebhook(map("start_time", "2026-11-25T10:00:00Z", "recording_url",
                                "https://api.nexmo.com/v1/files/88888888-8888-4888-8888-888888888888", "size", 12222,
                                "recording_uuid", "99999999-9999-4999-8999-999999999999", "end_time",
                                "2026-11-25T10:00:03Z", "conversation_uuid", "CON-99999999-9999-4999-8999-999999999999"),
                                "recording_url", URL, "start_time", TEXT, "end_time", TEXT)
                        .required("call", "recording_url"),
                // --- Amazon Connect, through the forwarding Lambda (JSON, our HMAC over timestamp.body) -----
                webhook("/webhooks/connect/inbound").carrier("connect").spoken()
                        .jsonWebhook(connect("inbound", "c0000001-0000-4000-8000-000000000001", f.stranger(), f.pool(),
                                map(), map("callmaskStep", "inbound")), "Details.ContactData.ContactId", SID,
                                "Details.ContactData.CustomerEndpoint.Address", NUMBER,
                                "Details.ContactData.SystemEndpoint.Address", NUMBER, "Name", ENUM)
                        .required("Details.ContactData.ContactId", "Name").mayRecordEvents("dial-in.rejected"),
                webhook("/webhooks/connect/menu").carrier("connect").spoken()
                        .jsonWebhook(connect("menu", "c0000002-0000-4000-8000-000000000002", f.stranger(), f.hub(),
                                map(), map("callmaskStep", "menu", "digits", "1234", "attempt", "1")),
                                "Details.ContactData.ContactId", SID, "Details.ContactData.CustomerEndpoint.Address",
                                NUMBER, "Details.Parameters.digits", DIGITS, "Details.Parameters.attempt", INTEGER)
                        .required("Details.ContactData.ContactId", "Details.Parameters.attempt")
                        .mayRecordEvents("dial-in.rejected"),
                webhook("/webhooks/connect/connect").carrier("connect").spoken()
                        .jsonWebhook(connect("connect", "c0000003-0000-4000-8000-000000000003", f.stranger(), f.pool(),
                                map("callmaskCallId", "call_no_such_call"), map("callmaskStep", "connect")),
                                "Details.ContactData.ContactId", SID, "Details.ContactData.Attributes.callmaskCallId", ID)
                        .required("Details.ContactData.ContactId", "Details.ContactData.Attributes.callmaskCallId"),
                webhook("/webhooks/connect/transfer-ended").carrier("connect")
                        .jsonWebhook(connect("transfer-ended", "c0000004-0000-4000-8000-000000000004", f.stranger(),
                                f.pool(), map(), map("callmaskStep", "transfer-ended", "outcome", "call-failed")),
                                "Details.ContactData.ContactId", SID, "Details.Parameters.outcome", ENUM)
                        .required("Details.ContactData.ContactId", "Details.Parameters.outcome"),
                // a contact callmask does not know: acknowledged, nothing stored
                webhook("/webhooks/connect/events").carrier("connect")
                        .jsonWebhook(map("version", "0", "id", "e0000005", "detail-type", "Amazon Connect Contact Event",
                                "source", "aws.connect", "account", "123456789012", "time", "2026-11-25T10:00:00Z",
                                "region", "ap-south-1", "resources", List.of(), "detail", map("eventType", "DISCONNECTED",
                                        "contactId", "c0000005-0000-4000-8000-000000000005", "channel", "VOICE",
                                        "initiationMethod", "OUTBOUND", "instanceArn",
                                        "arn:aws:connect:ap-south-1:123456789012:instance/"
                                                + HostileInputSuite.CONNECT_INSTANCE,
                                        "connectedToSystemTimestamp", "2026-11-25T10:00:03Z",
                                        "disconnectTimestamp", "2026-11-25T10:00:45Z")),
                                "detail.contactId", SID, "detail.eventType", TEXT, "detail.disconnectTimestamp", TEXT,
                                "source", ENUM, "detail-type", ENUM)
                        .required("source", "detail-type", "detail.contactId"),
                // --- MSG91's report webhook (JSON as the operator's template writes it, unsigned: secret path) --
                webhook("/webhooks/msg91/{secret}/report").carrier("msg91")
                        .path("secret", HostileInputSuite.MSG91_SECRET, ID)
                        .jsonWebhook("secret", map("uuid", "8ee1c0bcd7664939a3c92359b3328272", "CRQID",
                                "call_no_such_call", "requestedAt", "2026-11-25 09:23:27", "status", "Completed",
                                "duration", "42", "callerId", f.pool().substring(1)),
                                "uuid", SID, "CRQID", ID, "status", ENUM, "duration", INTEGER)
                        .required("uuid", "CRQID", "status"),
                // --- Exotel's webhooks (unsigned: secret path): the flow's applets by GET, the StatusCallback as JSON --
                webhook("GET", "/webhooks/exotel/{secret}/connect").carrier("exotel").secretPath("secret")
                        .path("secret", HostileInputSuite.EXOTEL_SECRET, ID)
                        .query("CallSid", "e0a1b2c3d4e5f60718293a4b5c6d7e8f", SID)
                        .query("CallFrom", "0" + f.stranger().substring(3), NUMBER)
                        .query("CallTo", "0" + f.pool().substring(3), NUMBER).query("Direction", "incoming", TEXT)
                        .required("CallSid", "CallFrom", "CallTo").mayRecordEvents("dial-in.rejected"),
                webhook("GET", "/webhooks/exotel/{secret}/dial-ended").carrier("exotel").secretPath("secret")
                        .path("secret", HostileInputSuite.EXOTEL_SECRET, ID)
                        .query("CallSid", "e1a1b2c3d4e5f60718293a4b5c6d7e8f", SID).query("CallType", "completed", ENUM)
                        .query("DialCallDuration", "0", INTEGER).required("CallSid"),
                webhook("GET", "/webhooks/exotel/{secret}/greeting").carrier("exotel").secretPath("secret")
                        .path("secret", HostileInputSuite.EXOTEL_SECRET, ID)
                        .query("CallSid", "e2a1b2c3d4e5f60718293a4b5c6d7e8f", SID).required("CallSid"),
                webhook("/webhooks/exotel/{secret}/status").carrier("exotel")
                        .path("secret", HostileInputSuite.EXOTEL_SECRET, ID)
                        .jsonWebhook("secret", map("CallSid", "e3a1b2c3d4e5f60718293a4b5c6d7e8f", "EventType", "terminal",
                                "Status", "completed", "CustomField", "call_no_such_call", "ConversationDuration", "42",
                                "Legs", List.of(map("Status", "completed", "OnCallDuration", "50"))),
                                "CallSid", SID, "CustomField", ID, "Status", ENUM, "EventType", ENUM,
                                "ConversationDuration", INTEGER, "Legs.0.Status", ENUM)
                        .required("CallSid", "CustomField", "Status"),

                // --- the emulator's control API (people holding phones) ------------------------
                emulator("GET", "/emulator/phones"),
                emulator("GET", "/emulator/phones/{number}").lenient().path("number", f.stranger(), NUMBER),
                emulator("PUT", "/emulator/phones/{number}").path("number", f.stranger(), NUMBER).lenient()
                        .json(map("answer", "manual", "answerAfterSeconds", 1, "hangupAfterSeconds", null,
                                "pendingDigits", null), "answer", ENUM, "answerAfterSeconds", INTEGER,
                                "pendingDigits", DIGITS),
                emulator("POST", "/emulator/phones/{number}/dial").lenient().path("number", f.stranger(), NUMBER)
                        .json(map("to", "+0000"), "to", ID),
                emulator("POST", "/emulator/phones/{number}/answer").lenient().path("number", f.stranger(), NUMBER),
                emulator("POST", "/emulator/phones/{number}/reject").lenient().path("number", f.stranger(), NUMBER),
                emulator("POST", "/emulator/phones/{number}/hangup").lenient().path("number", f.stranger(), NUMBER),
                emulator("POST", "/emulator/phones/{number}/digits").path("number", f.stranger(), NUMBER).lenient()
                        .json(map("digits", "12"), "digits", DIGITS),
                emulator("GET", "/emulator/calls").query("limit", "5", INTEGER),
                emulator("GET", "/emulator/calls/{sid}").path("sid", "CA" + "5".repeat(32), SID),
                emulator("POST", "/emulator/numbers").lenient()
                        .json(map("number", "+0000", "voiceUrl", "http://localhost:1/voice", "statusCallback", null),
                                "number", NUMBER, "voiceUrl", URL, "statusCallback", URL),
                emulator("GET", "/emulator/numbers"),
                // --- the emulator's Twilio REST surface ----------------------------------------
                emulatorTwilio("POST", "/emulator/twilio/2010-04-01/Accounts/{account}/Calls.json").lenient()
                        .path("account", f.emulatorAccount(), ID)
                        .form(map2("To", "+0000", "From", f.pool(), "Url", "http://localhost:1/voice"), "To", NUMBER,
                                "From", NUMBER, "Url", URL, "Timeout", INTEGER),
                emulatorTwilio("GET", "/emulator/twilio/2010-04-01/Accounts/{account}/Calls/{sid}.json")
                        .path("account", f.emulatorAccount(), ID).path("sid", "CA" + "6".repeat(32), SID),
                emulatorTwilio("POST", "/emulator/twilio/2010-04-01/Accounts/{account}/Calls/{sid}.json")
                        .path("account", f.emulatorAccount(), ID).path("sid", "CA" + "6".repeat(32), SID)
                        .form(map2("Status", "completed"), "Status", ENUM),

                // --- the demo marketplace (with the emulator only; no credentials: it plays the platform) ---
                // the suite's fixture has opened the demo once, so its shop exists and these change nothing
                emulator("GET", "/demo"),
                emulator("GET", "/demo/api/shop"),
                emulator("POST", "/demo/api/token"),
                // refused for a reason the families leave alone: only the demo's own orders may change
                emulator("PUT", "/demo/api/orders/{id}/status").path("id", "o-not-a-demo-order", ID)
                        .json(map("status", "out_for_delivery"), "status", ENUM).required("status"),
                // --- the operator console's sign-in (its pages need the cookie it sets) ----------
                console("GET", "/console/login"),
                // refused for a reason the families leave alone: not an operator key
                console("POST", "/console/login").form(map2("key", "not-an-operator-key"), "key", TEXT)
                        .required("key"),

                // --- framework pages -----------------------------------------------------------
                publicPage("/v3/api-docs"),
                publicPage("/actuator/health"),
                publicPage("/actuator/info"));
    }

    static Map<String, String> voice(String from, String to, String callSid) {
        return map2("CallSid", callSid, "AccountSid", "AC" + "0".repeat(32), "From", from, "To", to, "Caller", from,
                "Called", to, "CallStatus", "ringing", "Direction", "inbound", "ApiVersion", "2010-04-01");
    }

    /** Amazon Connect's Lambda event for a flow step, as the forwarding Lambda posts it. */
    static Map<String, Object> connect(String step, String contactId, String customer, String system,
            Map<String, Object> attributes, Map<String, Object> parameters) {
        return map("Details", map("ContactData", map("Attributes", attributes, "Channel", "VOICE", "ContactId", contactId,
                "CustomerEndpoint", map("Address", customer, "Type", "TELEPHONE_NUMBER"), "InitialContactId", contactId,
                "InitiationMethod", step.equals("connect") ? "OUTBOUND" : "INBOUND", "InstanceARN",
                "arn:aws:connect:ap-south-1:123456789012:instance/" + HostileInputSuite.CONNECT_INSTANCE,
                "SystemEndpoint", map("Address", system, "Type", "TELEPHONE_NUMBER")), "Parameters", parameters),
                "Name", "ContactFlowEvent");
    }

    /** A Plivo answer URL's parameters (numbers without '+'). */
    static Map<String, String> plivo(String from, String to, String callUuid) {
        return map2("CallUUID", callUuid, "From", from.replaceFirst("^\\+", ""), "To", to.replaceFirst("^\\+", ""),
                "CallStatus", "ringing", "Direction", "inbound", "Event", "StartApp");
    }

    /** A Vonage answer webhook's JSON fields (numbers without '+'). */
    static Map<String, Object> vonage(String from, String to, String uuid) {
        return map("to", to.replaceFirst("^\\+", ""), "from", from.replaceFirst("^\\+", ""), "endpoint_type", "phone",
                "conversation_uuid", "CON-" + uuid, "uuid", uuid, "region_url", "https://api-ap-3.vonage.com");
    }

    private static Map<String, Object> withDtmf(Map<String, Object> fields, String digits) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put("dtmf", map("digits", digits, "timed_out", false));
        return copy;
    }

    /** A Vonage call event (numbers without '+'). */
    static Map<String, Object> vonageEvent(String uuid, String status, String duration) {
        return map("from", "918047180001", "to", "919876543210", "uuid", uuid, "conversation_uuid", "CON-" + uuid,
                "status", status, "direction", "outbound", "timestamp", "2026-11-25T10:00:00.000Z", "duration", duration);
    }

    /** A TeXML voice webhook's parameters (TwiML's names, Telnyx's ids). */
    static Map<String, String> texml(String from, String to, String callSid) {
        return map2("AccountSid", "f5586561-8ff0-4291-a51b-c7dfe4139ff9", "CallSid", callSid, "CallSidLegacy", callSid,
                "CallStatus", "ringing", "ConnectionId", "1293384261075731499", "Direction", "inbound", "From", from,
                "To", to);
    }

    private static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return copy;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, String> map2(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
