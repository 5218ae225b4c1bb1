package io.callmask.emulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The emulator on its own, on its own port: a Twilio stand-in any app can point its Twilio SDK at
 * ({@code java -cp … io.callmask.emulator.EmulatorApplication --server.port=8090}). Register incoming numbers
 * through {@code /emulator/numbers}. With callmask, the demo run starts it inside callmask's server instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EmulatorApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(EmulatorApplication.class);
        app.setDefaultProperties(java.util.Map.of("emulator.enabled", "true"));
        app.run(args);
    }
}
