package io.callmask;

/**
 * The demo run ({@code ./mvnw spring-boot:test-run}, the README's run command): callmask on its embedded H2
 * database with the Twilio emulator and the demo marketplace beside it in the same server. It lives in the test
 * sources because the emulator is a test-scope dependency: the product jar never contains it. What turns the
 * emulator on is {@code config/application.yml} of the test resources.
 */
public final class DemoApplication {

    private DemoApplication() {}

    public static void main(String[] args) {
        CallmaskApplication.main(args);
    }
}
