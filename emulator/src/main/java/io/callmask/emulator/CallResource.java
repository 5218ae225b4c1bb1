package io.callmask.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** A leg as Twilio's call resource JSON (snake_case, RFC 1123 dates, durations as strings). */
final class CallResource {

    private CallResource() {
    }

    static Map<String, Object> of(Leg leg, String accountSid) {
        String uri = "/2010-04-01/Accounts/" + accountSid + "/Calls/" + leg.sid;
        CallStatus status = leg.status();
        Long duration = leg.durationSeconds();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("annotation", null);
        json.put("answered_by", null);
        json.put("api_version", Switchboard.API_VERSION);
        json.put("caller_name", null);
        json.put("date_created", date(leg.createdAt));
        json.put("date_updated", date(Instant.now()));
        json.put("direction", leg.direction);
        json.put("duration", status.terminal() && duration != null ? duration.toString() : null);
        json.put("end_time", date(leg.endedAt()));
        json.put("forwarded_from", null);
        json.put("from", leg.from);
        json.put("from_formatted", E164.formatted(leg.from));
        json.put("group_sid", null);
        json.put("parent_call_sid", leg.parentSid);
        json.put("phone_number_sid", null);
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("sid", leg.sid);
        json.put("start_time", date(leg.startedAt()));
        json.put("status", status.wire);
        json.put("subresource_uris", subresources(uri));
        json.put("to", leg.to);
        json.put("to_formatted", E164.formatted(leg.to));
        json.put("trunk_sid", null);
        json.put("uri", uri + ".json");
        json.put("queue_time", "0");
        return json;
    }

    private static Map<String, String> subresources(String uri) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String name : new String[] {"notifications", "recordings", "payments", "events", "siprec", "streams",
                "transcriptions", "user_defined_message_subscriptions", "user_defined_messages"}) {
            String path = name.equals("user_defined_message_subscriptions") ? "UserDefinedMessageSubscriptions"
                    : name.equals("user_defined_messages") ? "UserDefinedMessages"
                    : Character.toUpperCase(name.charAt(0)) + name.substring(1);
            links.put(name, uri + "/" + path + ".json");
        }
        return links;
    }

    private static String date(Instant instant) {
        return instant == null ? null : Switchboard.RFC_1123.format(instant.atZone(ZoneOffset.UTC));
    }
}
