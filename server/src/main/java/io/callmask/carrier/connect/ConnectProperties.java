package io.callmask.carrier.connect;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callmask.carriers.connect.*}: the Amazon Connect instance, the published flow that bridges a
 * click-to-call, the AWS credentials for {@code StartOutboundVoiceContact} and the secret the
 * forwarding Lambda signs with (Connect itself signs nothing that reaches callmask).
 *
 * @param instanceId the Connect instance id (the last part of its ARN)
 * @param contactFlowId the outbound flow a click-to-call runs when the first party answers
 * @param region the instance's AWS region, e.g. {@code ap-south-1}
 * @param accessKeyId static credentials; empty: the SDK's default provider chain (IAM role, env, profile)
 * @param secretAccessKey the secret of {@code accessKeyId}
 * @param endpointOverride Connect's API endpoint; empty: the region's. Set only for a stand-in (tests)
 * @param webhookSecret the HMAC-SHA256 key shared with the Lambda; at least 32 characters
 * @param signatureTolerance how far a request's {@code X-Callmask-Timestamp} may be from our clock
 */
@ConfigurationProperties("callmask.carriers.connect")
record ConnectProperties(String instanceId, String contactFlowId, String region, String accessKeyId,
        String secretAccessKey, URI endpointOverride, String webhookSecret, Duration signatureTolerance) {

    ConnectProperties {
        region = region == null || region.isBlank() ? "ap-south-1" : region;
        // an empty YAML value binds to an empty URI, which means "the region's endpoint" like null
        endpointOverride = endpointOverride == null || endpointOverride.toString().isBlank() ? null : endpointOverride;
        signatureTolerance = signatureTolerance == null ? Duration.ofMinutes(5) : signatureTolerance;
    }

    /** Stops the start naming the first missing setting; a short webhook secret is as bad as none. */
    void requireComplete() {
        require("instance-id", instanceId);
        require("contact-flow-id", contactFlowId);
        require("webhook-secret", webhookSecret);
        if (webhookSecret.length() < 32) {
            throw new IllegalStateException("callmask.carriers.connect.webhook-secret must be at least 32 characters");
        }
        if (blank(accessKeyId) != blank(secretAccessKey)) {
            throw new IllegalStateException("callmask.carriers.connect.access-key-id and secret-access-key go together:"
                    + " set both, or neither to use the default AWS credentials chain");
        }
    }

    boolean staticCredentials() {
        return !blank(accessKeyId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void require(String name, String value) {
        if (blank(value)) {
            throw new IllegalStateException("callmask.carriers.connect.enabled is true but callmask.carriers.connect."
                    + name + " is empty");
        }
    }

    @Override
    public String toString() {
        return "ConnectProperties[instance " + instanceId + ", " + region + "]";
    }
}
