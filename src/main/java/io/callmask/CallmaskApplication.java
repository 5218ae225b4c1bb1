package io.callmask;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CallmaskApplication {
    public static void main(String[] args) {
        SpringApplication.run(CallmaskApplication.class, args);
    }
}
