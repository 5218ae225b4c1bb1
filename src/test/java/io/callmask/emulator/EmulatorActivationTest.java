package io.callmask.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class EmulatorActivationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withUserConfiguration(EmulatorConfiguration.class, PhoneController.class, TwilioApiController.class);

    @Test
    void autoStartsWithoutTwilioAccountAndUsesTheFallbackToken() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(TwilioEmulator.class).hasSingleBean(PhoneController.class);
            TwilioEmulator emulator = context.getBean(TwilioEmulator.class);
            assertThat(emulator.accountSid()).isEqualTo("AC00000000000000000000000000000000");
            assertThat(emulator.authToken()).isEqualTo("emulator-auth-token");
        });
    }

    @Test
    void autoStaysOffWhenARealAccountIsConfigured() {
        runner.withPropertyValues("callmask.twilio.account-sid=AC11111111111111111111111111111111").run(context ->
                assertThat(context).doesNotHaveBean(TwilioEmulator.class).doesNotHaveBean(PhoneController.class)
                        .doesNotHaveBean(TwilioApiController.class));
    }

    @Test
    void autoStaysOffWhenTheTwilioAdapterIsOff() {
        runner.withPropertyValues("callmask.carriers.twilio.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(TwilioEmulator.class).doesNotHaveBean(PhoneController.class)
                        .doesNotHaveBean(TwilioApiController.class));
    }

    @Test
    void explicitSwitchWins() {
        runner.withPropertyValues("callmask.emulator.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(TwilioEmulator.class));
        runner.withPropertyValues("callmask.emulator.enabled=true",
                "callmask.twilio.account-sid=AC11111111111111111111111111111111").run(context ->
                assertThat(context).hasSingleBean(TwilioEmulator.class));
    }

    @Test
    void tokenComesFromEmulatorPropertyThenTwilioProperty() {
        runner.withPropertyValues("callmask.twilio.auth-token=from-twilio").run(context ->
                assertThat(context.getBean(TwilioEmulator.class).authToken()).isEqualTo("from-twilio"));
        runner.withPropertyValues("callmask.twilio.auth-token=from-twilio", "callmask.emulator.auth-token=own",
                "callmask.emulator.account-sid=AC22222222222222222222222222222222").run(context -> {
                    TwilioEmulator emulator = context.getBean(TwilioEmulator.class);
                    assertThat(emulator.authToken()).isEqualTo("own");
                    assertThat(emulator.accountSid()).isEqualTo("AC22222222222222222222222222222222");
                });
    }
}
