package io.callmask;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Bad configuration stops the start with a message that names the setting. */
class ConfigurationValidationTest {

    private static void start(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--server.port=0";
        all[1] = "--spring.datasource.url=jdbc:h2:mem:config-" + System.nanoTime();
        all[2] = "--callmask.api-keys=k";
        all[3] = "--spring.main.banner-mode=off";
        System.arraycopy(args, 0, all, 4, args.length);
        new SpringApplicationBuilder(CallmaskApplication.class).run(all).close();
    }

    @Test
    void anInvalidPoolNumberNamesItsPlaceInTheList() {
        assertThatThrownBy(() -> start("--callmask.pool=+918047180001,12345"))
                .hasStackTraceContaining("'callmask.pool[1]' is not a valid phone number");
    }

    @Test
    void aDefaultTtlAboveTheMaximumIsRefused() {
        assertThatThrownBy(() -> start("--callmask.session.default-ttl=40d"))
                .hasStackTraceContaining("callmask.session.default-ttl must be positive and at most max-ttl");
    }

    @Test
    void aTwilioAccountWithoutItsTokenIsRefused() {
        assertThatThrownBy(() -> start("--callmask.twilio.account-sid=AC" + "1".repeat(32), "--callmask.twilio.auth-token="))
                .hasStackTraceContaining("callmask.twilio.auth-token is required");
    }

    @Test
    void aTokenSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> start("--callmask.tokens.secret=only-twenty-bytes!!!"))
                .hasStackTraceContaining("callmask.tokens.secret must be at least 32 bytes");
    }

    @Test
    void badAllowedHoursNameTheSetting() {
        assertThatThrownBy(() -> start("--callmask.abuse.outside-hours.allowed-hours=8-21"))
                .hasStackTraceContaining("callmask.abuse.outside-hours.allowed-hours: allowed hours must look like 08:00-21:00");
    }

    @Test
    void badNumberKeysStopTheStartWithoutShowingAKey() {
        String key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
        assertThatThrownBy(() -> start("--callmask.crypto.keys.k1=" + key, "--callmask.crypto.active-key=k2",
                "--callmask.crypto.lookup-key=" + key))
                .hasStackTraceContaining("Invalid number keys: callmask.crypto.active-key 'k2' is not one of the"
                        + " configured keys [k1]")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(stackTrace(e)).doesNotContain(key));
    }

    private static String stackTrace(Throwable e) {
        var out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
