package io.callmask.carrier.connect;

import io.callmask.carrier.Carrier;
import io.callmask.carrier.CarrierException;
import io.callmask.carrier.CarrierFeature;
import io.callmask.carrier.OutboundCall;
import io.callmask.carrier.RecordingMedia;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.ConnectClientBuilder;
import software.amazon.awssdk.services.connect.model.StartOutboundVoiceContactRequest;

/**
 * The {@link Carrier} port on Amazon Connect through the AWS SDK: {@code StartOutboundVoiceContact}
 * rings the first party from a claimed number and runs the operator's published outbound flow, which
 * asks callmask (through the forwarding Lambda) whom to transfer to. Connect has no per-call webhook
 * markup; everything after the first leg is the flow's work, steered by flat attributes.
 *
 * <p>Features: only the hub menu and (our own) signed webhooks. A flow's external transfer has no
 * whisper, recording of an agent-less transfer is not documented, and a caller ID must be a number
 * claimed in the instance.
 */
@Component
@ConnectEnabled
class ConnectCarrier implements Carrier {

    static final String NAME = "connect";
    /** The contact attribute that carries callmask's call id through the flow. */
    static final String CALL_ID_ATTRIBUTE = "callmaskCallId";

    private final ConnectProperties properties;
    private final ConnectClient client;

    ConnectCarrier(ConnectProperties properties) {
        properties.requireComplete();
        this.properties = properties;
        ConnectClientBuilder builder = ConnectClient.builder().region(Region.of(properties.region()))
                .credentialsProvider(credentials(properties))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(15)))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(20)));
        if (properties.endpointOverride() != null) {
            builder.endpointOverride(properties.endpointOverride());
        }
        this.client = builder.build();
    }

    private static AwsCredentialsProvider credentials(ConnectProperties p) {
        return p.staticCredentials()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(p.accessKeyId(), p.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<CarrierFeature> features() {
        return EnumSet.of(CarrierFeature.CLICK_TO_CALL, CarrierFeature.DIAL_IN, CarrierFeature.HUB_MENU,
                CarrierFeature.SIGNED_WEBHOOKS);
    }

    /**
     * The contact id Connect answers is the first leg's id; contact events name it. The call id is
     * the idempotency token, so a retried request cannot ring the party twice. Connect's dialing
     * timeout is its own (60 s); the ring timeout and time limit are the flow's to apply.
     */
    @Override
    public String placeCall(OutboundCall call) {
        try {
            return client.startOutboundVoiceContact(StartOutboundVoiceContactRequest.builder()
                    .instanceId(properties.instanceId()).contactFlowId(properties.contactFlowId())
                    .destinationPhoneNumber(call.to().e164()).sourcePhoneNumber(call.callerId().e164())
                    .attributes(Map.of(CALL_ID_ATTRIBUTE, call.callId())).clientToken(call.callId()).build())
                    .contactId();
        } catch (AwsServiceException e) {
            // the error code only: Connect's message may quote the number
            throw new CarrierException("Amazon Connect refused the call (" + e.awsErrorDetails().errorCode()
                    + ", HTTP " + e.statusCode() + ")", null);
        } catch (SdkException e) {
            throw new CarrierException("Amazon Connect could not be reached for the call", e);
        }
    }

    /** Connect recordings are never reported to callmask (RECORDING is not a feature): there is none. */
    @Override
    public Optional<RecordingMedia> fetchRecording(String carrierRecordingSid) {
        return Optional.empty();
    }

    /** Nothing to delete: callmask never holds a Connect recording. */
    @Override
    public void deleteRecording(String carrierRecordingSid) {
        // idempotent by contract: a recording that does not exist counts as deleted
    }
}
