package io.callmask.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class LiveStreamTest {

    /** A board that needs no database. */
    static final class FixedBoard extends LiveBoard {
        FixedBoard() {
            super(null, null, null, null);
        }

        @Override
        Snapshot snapshot() {
            return new Snapshot(0, 0, List.of(), List.of());
        }
    }

    static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    @Test
    void watchersBeyondTheBoundAreTurnedAway() {
        ConsoleProperties properties = new ConsoleProperties(Duration.ofHours(8), 10, Duration.ofSeconds(1),
                Duration.ofSeconds(15), Duration.ofMinutes(30), 2);
        LiveStream stream = new LiveStream(new FixedBoard(), templates(), properties);
        try {
            assertThat(stream.subscribe()).isPresent();
            assertThat(stream.subscribe()).isPresent();
            assertThat(stream.subscribe()).isEmpty();
            assertThat(stream.watchers()).isEqualTo(2);
        } finally {
            stream.destroy();
        }
        assertThat(stream.watchers()).isZero();
    }

    @Test
    void theBoardIsRenderedOnOneLineForAnEventDataLine() {
        LiveStream stream = new LiveStream(new FixedBoard(), templates(), new ConsoleProperties(Duration.ofHours(8),
                10, Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofMinutes(30), 1));
        try {
            String html = stream.render(new FixedBoard().snapshot());
            assertThat(html).doesNotContain("\n", "\r").startsWith("<div class=\"board\">")
                    .contains("No calls yet.", "No open sessions.");
        } finally {
            stream.destroy();
        }
    }
}
