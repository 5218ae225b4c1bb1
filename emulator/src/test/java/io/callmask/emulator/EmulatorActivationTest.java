package io.callmask.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The emulator is there only when asked for: no setting, nothing under {@code /emulator}. */
class EmulatorActivationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withUserConfiguration(EmulatorConfiguration.class, PhoneController.class, TwilioApiController.class);

    @Test
    void offUnlessSwitchedOn() {
        runner.run(context -> assertThat(context).doesNotHaveBean(TwilioEmulator.class)
                .doesNotHaveBean(PhoneController.class).doesNotHaveBean(TwilioApiController.class));
        runner.withPropertyValues("emulator.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(TwilioEmulator.class));
    }

    @Test
    void onWithTheFallbackAccountAndToken() {
        runner.withPropertyValues("emulator.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(TwilioEmulator.class).hasSingleBean(PhoneController.class);
            TwilioEmulator emulator = context.getBean(TwilioEmulator.class);
            assertThat(emulator.accountSid()).isEqualTo("AC00000000000000000000000000000000");
            assertThat(emulator.authToken()).isEqualTo("emulator-auth-token");
        });
    }

    @Test
    void ownAccountAndTokenFromItsOwnSettingsOnly() {
        runner.withPropertyValues("emulator.enabled=true", "callmask.twilio.auth-token=from-callmask").run(context ->
                assertThat(context.getBean(TwilioEmulator.class).authToken()).isEqualTo("emulator-auth-token"));
        runner.withPropertyValues("emulator.enabled=true", "emulator.auth-token=own",
                "emulator.account-sid=AC22222222222222222222222222222222").run(context -> {
                    TwilioEmulator emulator = context.getBean(TwilioEmulator.class);
                    assertThat(emulator.authToken()).isEqualTo("own");
                    assertThat(emulator.accountSid()).isEqualTo("AC22222222222222222222222222222222");
                });
    }

    @Test
    void aSwitchThatIsNeitherTrueNorFalseStopsTheStart() {
        runner.withPropertyValues("emulator.enabled=auto").run(context ->
                assertThat(context).hasFailed().getFailure().hasMessageContaining("emulator.enabled must be true or false"));
    }
}
