package io.callmask.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account's recordings as {@code api.twilio.com} serves them: the resource ({@code .json}), its media
 * ({@code .wav}, or no extension, and {@code .mp3}), and delete. Every request needs the account's credentials,
 * as on an account with "Enforce HTTP Auth on Media URLs" on (Twilio's recommended setting).
 */
@RestController
@Conditional(EmulatorEnabledCondition.class)
@RequestMapping("/emulator/twilio/2010-04-01/Accounts/{accountSid}/Recordings")
class TwilioRecordingController {

    private static final MediaType WAV = MediaType.parseMediaType("audio/wav");
    private static final MediaType MP3 = MediaType.parseMediaType("audio/mpeg");

    private final TwilioEmulator emulator;
    private final Switchboard board;

    TwilioRecordingController(TwilioEmulator emulator) {
        this.emulator = emulator;
        this.board = emulator.board();
    }

    @GetMapping(path = "/{sid}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> fetch(@PathVariable String accountSid, @PathVariable String sid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!authorised(accountSid, authorization)) {
            return unauthorised();
        }
        return find(sid).map(r -> ResponseEntity.ok(RecordingResource.of(r, board.restBase())))
                .orElseGet(() -> notFound(sid));
    }

    @GetMapping({"/{sid}", "/{sid}.wav"})
    ResponseEntity<?> wav(@PathVariable String accountSid, @PathVariable String sid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return media(accountSid, sid, authorization, false);
    }

    @GetMapping("/{sid}.mp3")
    ResponseEntity<?> mp3(@PathVariable String accountSid, @PathVariable String sid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return media(accountSid, sid, authorization, true);
    }

    @DeleteMapping({"/{sid}.json", "/{sid}"})
    ResponseEntity<?> delete(@PathVariable String accountSid, @PathVariable String sid,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!authorised(accountSid, authorization)) {
            return unauthorised();
        }
        return emulator.deleteRecording(sid) ? ResponseEntity.noContent().build() : notFound(sid);
    }

    private ResponseEntity<?> media(String accountSid, String sid, String authorization, boolean mp3) {
        if (!authorised(accountSid, authorization)) {
            return unauthorised();
        }
        Optional<CallRecording> recording = find(sid);
        if (recording.isEmpty()) {
            return notFound(sid);
        }
        CallRecording r = recording.get();
        byte[] audio = mp3 ? RecordingAudio.mp3(r.durationSeconds(), r.channels())
                : RecordingAudio.wav(r.durationSeconds(), r.channels());
        return ResponseEntity.ok().contentType(mp3 ? MP3 : WAV).contentLength(audio.length).body(audio);
    }

    private Optional<CallRecording> find(String sid) {
        try {
            return Optional.of(emulator.recording(sid));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private boolean authorised(String pathSid, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String expected = emulator.accountSid() + ":" + emulator.authToken();
        return MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))
                && emulator.accountSid().equals(pathSid);
    }

    private static ResponseEntity<Map<String, Object>> unauthorised() {
        return twilioError(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
    }

    private static ResponseEntity<Map<String, Object>> notFound(String sid) {
        return twilioError(HttpStatus.NOT_FOUND, 20404, "The requested resource /2010-04-01/Recordings/" + sid
                + ".json was not found");
    }

    private static ResponseEntity<Map<String, Object>> twilioError(HttpStatus status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status.value());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
