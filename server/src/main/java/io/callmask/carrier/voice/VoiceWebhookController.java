package io.callmask.carrier.voice;

import org.springframework.http.ResponseEntity;

/** A carrier's webhook controller: it renders the shared flow's {@link VoiceReply} in its carrier's markup. */
public interface VoiceWebhookController {

    /** {@code reply} as this carrier's answer to a webhook that a caller hears. */
    ResponseEntity<?> answer(VoiceReply reply);
}
