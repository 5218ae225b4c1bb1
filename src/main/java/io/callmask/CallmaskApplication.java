package io.callmask;

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
        SpringApplication.run(CallmaskApplication.class, args);
    }
}
