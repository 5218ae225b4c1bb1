package io.callmask.ops.cli;

import io.callmask.core.privacy.KeyRotation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code rotate-keys [--batch-size=500] [any setting, e.g. --spring.datasource.url=…]}.
 *
 * <p>Starts callmask without its web server, with the same configuration a serving instance reads
 * (application.yml, environment, these arguments), and re-seals every stored number that is not
 * under {@code callmask.crypto.active-key}. Safe while instances serve; run it again after the last
 * instance has switched to the new active key, and before removing the old key.
 */
final class RotateKeysCommand {

    private RotateKeysCommand() {}

    static int run(String[] args, PrintStream out, Class<?> application) {
        int batchSize = 500;
        List<String> springArgs = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        for (String arg : args) {
            if (arg.startsWith("--batch-size=")) {
                batchSize = Integer.parseInt(arg.substring("--batch-size=".length()));
            } else if (arg.startsWith("--")) {
                springArgs.add(arg);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; settings are --name=value");
            }
        }
        if (springArgs.stream().noneMatch(a -> a.startsWith("--callmask.public-base-url="))) {
            // No web server here: any URL does, nothing is called back.
            springArgs.add("--callmask.public-base-url=http://localhost");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(springArgs.toArray(String[]::new))) {
            KeyRotation rotation = context.getBean(KeyRotation.class);
            out.printf("rotate-keys: sealing under key '%s'%n", rotation.activeKeyId());
            int total = 0;
            for (KeyRotation.Count count : rotation.rotate(batchSize)) {
                out.printf("%s: %d re-sealed, %d already under the active key%n", count.column(), count.resealed(),
                        count.current());
                total += count.resealed();
            }
            out.printf("rotate-keys: done, %d value(s) re-sealed%n", total);
            return 0;
        }
    }
}
