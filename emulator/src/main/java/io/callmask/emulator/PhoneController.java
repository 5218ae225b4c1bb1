package io.callmask.emulator;

import java.util.List;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outside world's side of the emulator: set how a phone behaves, dial from it, answer, reject, hang up,
 * press keys, and read what its screen showed. No authentication: it stands for people holding phones.
 */
@RestController
@Conditional(EmulatorEnabledCondition.class)
@RequestMapping(path = "/emulator/phones", produces = MediaType.APPLICATION_JSON_VALUE)
class PhoneController {

    record BehaviourRequest(String answer, Double answerAfterSeconds, Double hangupAfterSeconds,
                            String pendingDigits) {
    }

    record DialRequest(String to) {
    }

    record DigitsRequest(String digits) {
    }

    private final TwilioEmulator emulator;

    PhoneController(TwilioEmulator emulator) {
        this.emulator = emulator;
    }

    @GetMapping
    List<ControlViews.PhoneView> phones() {
        return emulator.phones().stream().map(ControlViews::phone).toList();
    }

    @DeleteMapping
    void clear() {
        emulator.clear();
    }

    @GetMapping("/{number}")
    ControlViews.PhoneView phone(@PathVariable String number) {
        return ControlViews.phone(emulator.phone(number));
    }

    @PutMapping(path = "/{number}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ControlViews.PhoneView behave(@PathVariable String number, @RequestBody BehaviourRequest body) {
        VirtualPhone phone = emulator.phone(number);
        phone.behave(new PhoneBehaviour(body.answer() == null ? AnswerMode.MANUAL : AnswerMode.parse(body.answer()),
                body.answerAfterSeconds() == null ? 1 : body.answerAfterSeconds(), body.hangupAfterSeconds(),
                body.pendingDigits()));
        return ControlViews.phone(phone);
    }

    @PostMapping(path = "/{number}/dial", consumes = MediaType.APPLICATION_JSON_VALUE)
    ControlViews.DialedView dial(@PathVariable String number, @RequestBody DialRequest body) {
        return new ControlViews.DialedView(emulator.dialIn(number, body.to()).sid);
    }

    @PostMapping("/{number}/answer")
    ControlViews.PhoneView answer(@PathVariable String number) {
        VirtualPhone phone = emulator.phone(number);
        emulator.phoneActions().answer(phone);
        return ControlViews.phone(phone);
    }

    @PostMapping("/{number}/reject")
    ControlViews.PhoneView reject(@PathVariable String number) {
        VirtualPhone phone = emulator.phone(number);
        emulator.phoneActions().reject(phone);
        return ControlViews.phone(phone);
    }

    @PostMapping("/{number}/hangup")
    ControlViews.PhoneView hangup(@PathVariable String number) {
        VirtualPhone phone = emulator.phone(number);
        emulator.phoneActions().hangup(phone);
        return ControlViews.phone(phone);
    }

    @PostMapping(path = "/{number}/digits", consumes = MediaType.APPLICATION_JSON_VALUE)
    ControlViews.PhoneView digits(@PathVariable String number, @RequestBody DigitsRequest body) {
        VirtualPhone phone = emulator.phone(number);
        emulator.phoneActions().pressDigits(phone, body.digits());
        return ControlViews.phone(phone);
    }
}
