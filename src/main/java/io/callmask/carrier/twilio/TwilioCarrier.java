package io.callmask.carrier.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import io.callmask.carrier.Carrier;
import io.callmask.carrier.CarrierException;
import io.callmask.carrier.OutboundCall;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/** The {@link Carrier} port on Twilio, through the official SDK's REST client. */
@Component
class TwilioCarrier implements Carrier {

    private static final List<String> PROGRESS_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    private final TwilioRestClient client;
    private final TwilioWebhooks webhooks;

    TwilioCarrier(TwilioRestClient client, TwilioWebhooks webhooks) {
        this.client = client;
        this.webhooks = webhooks;
    }

    @Override
    public String name() {
        return "twilio";
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
}
