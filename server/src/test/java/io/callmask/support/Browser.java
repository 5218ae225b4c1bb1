package io.callmask.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for one test class: register it as a {@code static @RegisterExtension} field.
 * It drives Debian's {@code /usr/bin/chromium} through {@code /usr/bin/chromedriver} (override with
 * CALLMASK_TEST_CHROMIUM / CALLMASK_TEST_CHROMEDRIVER); both paths are given explicitly, so Selenium
 * Manager never runs and nothing is downloaded. After every test, passed or failed, the page as the
 * test left it is saved to {@code target/screenshots/<TestClass>-<test>.png}.
 * Outside CI a missing Chromium skips the class; in CI (CI=true) it fails it, so browser coverage can
 * never silently vanish (as {@link PostgresDatabase} does for PostgreSQL).
 */
public final class Browser implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final String CHROMIUM = env("CALLMASK_TEST_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = env("CALLMASK_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");

    private ChromeDriver driver;
    private ChromeDriverService service;
    private Path profile;

    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("the browser has not started (is the extension static?)");
        }
        return driver;
    }

    /** Waits for a condition on the page; a generous bound, since it only ends a test that already failed. */
    public WebDriverWait await() {
        return new WebDriverWait(driver(), Duration.ofSeconds(30), Duration.ofMillis(100));
    }

    /** Saves the page as it is now to {@code target/screenshots/<name>.png}, e.g. a state worth showing mid-test. */
    public Path save(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        driver(); // fails clearly when not started
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        for (String binary : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(Paths.get(binary))) {
                String why = binary + " not found (apt-get install chromium chromium-driver)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException("Chromium is required in CI: " + why);
                }
                Assumptions.abort(why);
            }
        }
        profile = Files.createTempDirectory("callmask-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // No network but localhost here: without these Chromium keeps reaching out (and is refused).
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile, "--window-size=960,1100");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver == null) {
            return;
        }
        save(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (UncheckedIOException | IOException ignored) {
                    // Chromium may still be letting go of its profile; it is a temp directory.
                }
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
