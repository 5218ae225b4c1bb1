package io.callmask;

import io.callmask.ops.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** callmask: masked calls between a marketplace's retailers and customers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CallmaskApplication {
    public static void main(String[] args) {
        if (Commands.handles(args)) {
            System.exit(Commands.run(args, System.out, System.err, CallmaskApplication.class));
        }
        SpringApplication.run(CallmaskApplication.class, args);
    }
}
