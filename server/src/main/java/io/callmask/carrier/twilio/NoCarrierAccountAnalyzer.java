package io.callmask.carrier.twilio;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link NoCarrierAccount} into Spring Boot's short "APPLICATION FAILED TO START" report (what is wrong,
 * what to do) instead of a page of stack trace: it is what a new user of the jar sees first.
 */
class NoCarrierAccountAnalyzer extends AbstractFailureAnalyzer<NoCarrierAccount> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoCarrierAccount cause) {
        return new FailureAnalysis(cause.getMessage(), "Set callmask.twilio.account-sid and "
                + "callmask.twilio.auth-token for a real Twilio account; or set callmask.carriers.twilio.enabled=false "
                + "and configure another carrier (README, \"Use another carrier, or several at once\"); or, to try "
                + "callmask without any account, run the demo on the built-in emulator from a source checkout: "
                + TwilioConfiguration.DEMO_COMMAND, cause);
    }
}
