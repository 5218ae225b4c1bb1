package io.callmask.console;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The live page's server-sent events, per instance. While anyone watches, one thread reads the
 * board from the database every {@code live-poll-interval} and, when it differs from the last one,
 * renders it once and sends it to every watcher of this instance. The database is the only source
 * of truth, so a call placed through any instance reaches watchers of every instance within about
 * one interval. Watchers are bounded; each stream ends after {@code live-stream-timeout} (the
 * browser reconnects) and gets a heartbeat comment so dead connections are found and dropped.
 */
@Component
class LiveStream implements DisposableBean {

    static final String EVENT = "live";
    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    private final LiveBoard board;
    private final ITemplateEngine templates;
    private final ConsoleProperties properties;
    private final List<SseEmitter> watchers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "console-live");
        t.setDaemon(true);
        return t;
    });
    private volatile LiveBoard.Snapshot last;
    private volatile boolean failing;

    LiveStream(LiveBoard board, ITemplateEngine templates, ConsoleProperties properties) {
        this.board = board;
        this.templates = templates;
        this.properties = properties;
        long poll = properties.livePollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        long beat = properties.liveHeartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** A new watcher with the board as it is now; empty when this instance has all the watchers it serves. */
    Optional<SseEmitter> subscribe() {
        if (watchers.size() >= properties.liveMaxSubscribers()) {
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(properties.liveStreamTimeout().toMillis());
        emitter.onCompletion(() -> watchers.remove(emitter));
        emitter.onTimeout(() -> watchers.remove(emitter));
        emitter.onError(e -> watchers.remove(emitter));
        // The first board comes from the request's own read, so a reconnecting browser catches up at once.
        send(emitter, SseEmitter.event().name(EVENT).data(render(board.snapshot())));
        watchers.add(emitter);
        return Optional.of(emitter);
    }

    int watchers() {
        return watchers.size();
    }

    /** The board as the live page's fragment, on one line (an SSE data line ends at a newline). */
    String render(LiveBoard.Snapshot snapshot) {
        Context context = new Context();
        context.setVariable("board", snapshot);
        return templates.process("console/live", Set.of("board"), context).replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private void poll() {
        if (watchers.isEmpty()) {
            last = null;
            return;
        }
        try {
            LiveBoard.Snapshot now = board.snapshot();
            if (failing) {
                log.info("Live console: the database answers again");
                failing = false;
            }
            if (now.equals(last)) {
                return;
            }
            last = now;
            String html = render(now);
            for (SseEmitter watcher : watchers) {
                send(watcher, SseEmitter.event().name(EVENT).data(html));
            }
        } catch (RuntimeException e) {
            // a database outage: keep the streams, try again next time, say so once
            if (!failing) {
                log.warn("Live console: cannot read the board ({})", e.getClass().getSimpleName());
                failing = true;
            }
        }
    }

    private void heartbeat() {
        for (SseEmitter watcher : watchers) {
            send(watcher, SseEmitter.event().comment("heartbeat"));
        }
    }

    private void send(SseEmitter watcher, SseEmitter.SseEventBuilder event) {
        try {
            watcher.send(event);
        } catch (IOException | IllegalStateException gone) {
            watchers.remove(watcher);
            watcher.completeWithError(gone);
        }
    }

    /**
     * Ends every stream when the application starts to close, before the web server's graceful
     * shutdown, which would otherwise wait its whole grace period for these never-ending requests.
     */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        watchers.forEach(SseEmitter::complete);
        watchers.clear();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        watchers.forEach(SseEmitter::complete);
        watchers.clear();
    }
}
