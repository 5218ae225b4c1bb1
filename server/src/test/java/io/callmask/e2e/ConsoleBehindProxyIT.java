package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.App;
import io.callmask.support.Console;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Behind a reverse proxy the Host header names the instance, not the public site the browser is on:
 * the console accepts form posts from {@code callmask.public-base-url}'s origin, and still no other.
 */
class ConsoleBehindProxyIT {

    private static final String PUBLIC = "https://callmask.example.com";
    private static App app;

    @BeforeAll
    static void start() {
        app = App.start(null, "--callmask.public-base-url=" + PUBLIC + "/", "--callmask.operator-keys=proxy-operator-key",
                "--callmask.data-dir=target/it-data/console-proxy",
                "--spring.datasource.url=jdbc:h2:mem:console-proxy;DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPostFromThePublicOriginIsAcceptedAndAnyOtherRefused() {
        Console console = new Console(app.api.base());
        assertThat(console.signIn("proxy-operator-key", Console.freshAddress(), "https://evil.example.com").status())
                .isEqualTo(403);
        assertThat(console.signIn("proxy-operator-key", Console.freshAddress(), PUBLIC).status()).isEqualTo(302);
        assertThat(console.send("POST", "/console/logout", "https://callmask.example.com.evil.net").status())
                .isEqualTo(403);
        assertThat(console.send("POST", "/console/logout", PUBLIC).status()).isEqualTo(302);
    }
}
