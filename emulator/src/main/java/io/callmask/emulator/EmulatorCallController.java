package io.callmask.emulator;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The network's view: every leg with its status, what was heard, errors, and TwiML URLs; and the incoming numbers. */
@RestController
@Conditional(EmulatorEnabledCondition.class)
@RequestMapping(path = "/emulator", produces = MediaType.APPLICATION_JSON_VALUE)
class EmulatorCallController {

    record NumberRequest(String number, String voiceUrl, String statusCallback) {
    }

    /** The fields {@code PUT /emulator/network} takes; any other is refused rather than quietly ignored. */
    private static final java.util.Set<String> NETWORK_FIELDS = java.util.Set.of("statusCallbackCopies",
            "statusCallbackScatterMs");

    private final TwilioEmulator emulator;

    EmulatorCallController(TwilioEmulator emulator) {
        this.emulator = emulator;
    }

    @GetMapping("/calls")
    List<ControlViews.CallView> calls(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1) {
            throw new BadRequestException("limit must be at least 1");
        }
        return emulator.calls(limit).stream().map(ControlViews::call).toList();
    }

    @GetMapping("/calls/{sid}")
    ControlViews.CallView call(@PathVariable String sid) {
        return ControlViews.call(emulator.call(sid));
    }

    /** The account's recordings, oldest first; a deleted recording is no longer listed. */
    @GetMapping("/recordings")
    List<ControlViews.RecordingView> recordings(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1) {
            throw new BadRequestException("limit must be at least 1");
        }
        return emulator.recordings(limit).stream().map(ControlViews::recording).toList();
    }

    @PostMapping(path = "/numbers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ControlViews.NumberView register(@RequestBody NumberRequest body) {
        URI statusCallback = body.statusCallback() == null ? null : url(body.statusCallback(), "statusCallback");
        emulator.registerIncomingNumber(body.number(), url(body.voiceUrl(), "voiceUrl"), statusCallback);
        return ControlViews.number(new IncomingNumber(body.number(), url(body.voiceUrl(), "voiceUrl"),
                statusCallback));
    }

    @GetMapping("/numbers")
    List<ControlViews.NumberView> numbers() {
        return emulator.incomingNumbers().stream().map(ControlViews::number).toList();
    }

    /** The network's faults now ({@link NetworkFaults}). */
    @GetMapping("/network")
    NetworkFaults network() {
        return emulator.networkFaults();
    }

    /** A field left out takes its default (1 copy, no scatter): {@code {}} calms the network. */
    @PutMapping(path = "/network", consumes = MediaType.APPLICATION_JSON_VALUE)
    NetworkFaults network(@RequestBody Map<String, Object> body) {
        for (String field : body.keySet()) {
            if (!NETWORK_FIELDS.contains(field)) {
                throw new BadRequestException("unknown field '" + field + "'; known: statusCallbackCopies, "
                        + "statusCallbackScatterMs");
            }
        }
        NetworkFaults faults = new NetworkFaults(whole(body, "statusCallbackCopies", 1),
                whole(body, "statusCallbackScatterMs", 0));
        emulator.networkFaults(faults);
        return faults;
    }

    private static int whole(Map<String, Object> body, String field, int fallback) {
        Object value = body.get(field);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer number) {
            return number;
        }
        throw new BadRequestException(field + " must be a whole number");
    }

    /** Every webhook attempt since the start or the last {@code DELETE}, by kind and outcome ({@link WebhookTally}). */
    @GetMapping("/webhooks")
    Map<String, Map<String, Long>> webhooks() {
        return emulator.webhookTally().snapshot();
    }

    @DeleteMapping("/webhooks")
    ResponseEntity<Void> clearWebhooks() {
        emulator.webhookTally().clear();
        return ResponseEntity.noContent().build();
    }

    private static URI url(String text, String what) {
        try {
            return URI.create(text == null ? "" : text.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(what + " is not a URL: '" + text + "'");
        }
    }
}
