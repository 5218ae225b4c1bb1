package io.callmask.carrier.twilio;

import io.callmask.core.Caller;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.Domains;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Recording;
import com.twilio.type.PhoneNumber;
import io.callmask.carrier.Carrier;
import io.callmask.carrier.CarrierException;
import io.callmask.carrier.CarrierFeature;
import io.callmask.carrier.OutboundCall;
import io.callmask.carrier.RecordingMedia;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The {@link Carrier} port on Twilio, through the official SDK's REST client. */
@Component
@TwilioEnabled
class TwilioCarrier implements Carrier {

    static final String NAME = "twilio";

    /** Twilio's recording sids; anything else never reaches a URL path. */
    static final Pattern RECORDING_SID = Pattern.compile("RE[0-9a-fA-F]{32}");

    private static final List<String> PROGRESS_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    private final TwilioRestClient client;
    private final TwilioWebhooks webhooks;

    TwilioCarrier(TwilioRestClient client, TwilioWebhooks webhooks) {
        this.client = client;
        this.webhooks = webhooks;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Everything callmask uses. Not {@code FOREIGN_CALLER_ID}: Twilio shows only its own numbers
     * and numbers verified in the account (Outgoing Caller IDs), which callmask cannot know.
     */
    @Override
    public Set<CarrierFeature> features() {
        return EnumSet.of(CarrierFeature.CLICK_TO_CALL, CarrierFeature.DIAL_IN, CarrierFeature.RECORDING,
                CarrierFeature.HUB_MENU, CarrierFeature.WHISPER,                CarrierFeature.SIGNED_WEBHOOKS);
    }

    @Override
    public String placeCall(OutboundCall call) {
        try {
            return Call.creator(new PhoneNumber(call.to().e164()), new PhoneNumber(call.callerId().e164()),
                            URI.create(webhooks.connect(call.callId())))
                    .setMethod(HttpMethod.POST)
                    .setStatusCallback(URI.create(webhooks.callerStatus(call.callId())))
                    .setStatusCallbackEvent(PROGRESS_EVENTS)
                    .setStatusCallbackMethod(HttpMethod.POST)
                    .setTimeout((int) call.ringTimeout().toSeconds())
                    .setTimeLimit((int) call.timeLimit().toSeconds())
                    .create(client)
                    .getSid();
        } catch (ApiConnectionException e) {
            throw new CarrierException("Twilio could not be reached", e);
        } catch (ApiException e) {
            // Twilio's message may quote the number; keep only its code and status.
            throw new CarrierException("Twilio refused the call (error " + e.getCode() + ", HTTP "
                    + e.getStatusCode() + ")", null);
        }
    }

    /**
     * The recording's WAV through the SDK's own HTTP client, so authentication and the emulator's
     * base URL are the SDK's as for every other request. The SDK buffers a response in memory.
     */
    @Override
    public Optional<RecordingMedia> fetchRecording(String carrierRecordingSid) {
        String sid = checked(carrierRecordingSid);
        try {
            Response response = client.request(new Request(HttpMethod.GET, Domains.API.toString(),
                    "/2010-04-01/Accounts/" + client.getAccountSid() + "/Recordings/" + sid + ".wav"));
            if (response.getStatusCode() == 404) {
                return Optional.empty();
            }
            if (response.getStatusCode() != 200) {
                throw new CarrierException("Twilio refused the recording (HTTP " + response.getStatusCode() + ")", null);
            }
            return Optional.of(new RecordingMedia(header(response, "Content-Type").orElse("audio/wav"),
                    header(response, "Content-Length").map(TwilioCarrier::parseLength).orElse(-1L),
                    response.getStream()));
        } catch (ApiConnectionException e) {
            throw new CarrierException("Twilio could not be reached", e);
        } catch (ApiException e) {
            throw new CarrierException("Twilio refused the recording (error " + e.getCode() + ", HTTP "
                    + e.getStatusCode() + ")", null);
        }
    }

    @Override
    public void deleteRecording(String carrierRecordingSid) {
        String sid = checked(carrierRecordingSid);
        try {
            Recording.deleter(sid).delete(client);
        } catch (ApiConnectionException e) {
            throw new CarrierException("Twilio could not be reached", e);
        } catch (ApiException e) {
            if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                return; // already deleted: what retention wanted
            }
            throw new CarrierException("Twilio refused to delete the recording (error " + e.getCode() + ", HTTP "
                    + e.getStatusCode() + ")", null);
        }
    }

    private static String checked(String sid) {
        if (sid == null || !RECORDING_SID.matcher(sid).matches()) {
            throw new IllegalArgumentException("not a Twilio recording sid");
        }
        return sid;
    }

    private static Optional<String> header(Response response, String name) {
        return response.getHeaders() == null ? Optional.empty() : Arrays.stream(response.getHeaders())
                .filter(h -> h.getName().equalsIgnoreCase(name)).map(h -> h.getValue()).findFirst();
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
