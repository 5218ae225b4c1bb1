package io.callmask.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** A recording as Twilio's recording resource JSON (snake_case, RFC 1123 dates, the duration as a string). */
final class RecordingResource {

    private RecordingResource() {
    }

    static Map<String, Object> of(CallRecording r, String restBase) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", r.accountSid());
        json.put("api_version", Switchboard.API_VERSION);
        json.put("call_sid", r.callSid());
        json.put("conference_sid", null);
        json.put("date_created", date(r.createdAt()));
        json.put("date_updated", date(r.createdAt()));
        json.put("start_time", date(r.startTime()));
        json.put("duration", Long.toString(r.durationSeconds()));
        json.put("sid", r.sid());
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("status", r.status());
        json.put("channels", r.channels());
        json.put("source", CallRecording.SOURCE);
        json.put("error_code", null);
        json.put("uri", r.uri() + ".json");
        json.put("encryption_details", null);
        json.put("subresource_uris", Map.of("add_on_results", r.uri() + "/AddOnResults.json",
                "transcriptions", r.uri() + "/Transcriptions.json"));
        json.put("media_url", restBase + r.uri());
        return json;
    }

    private static String date(Instant instant) {
        return instant == null ? null : Switchboard.RFC_1123.format(instant.atZone(ZoneOffset.UTC));
    }
}
