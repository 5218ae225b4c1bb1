package io.callmask.console;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * renders it once for every watcher of this instance. The database is the only source of truth, so
 * a call placed through any instance reaches watchers of every instance within about one interval.
 *
 * <p>Watchers are bounded; each stream ends after {@code live-stream-timeout} (the browser then
 * reconnects) and gets a heartbeat comment, so dead connections are found and dropped. Writes run
 * on their own threads, at most one per watcher: a browser that stops reading holds up only itself,
 * is skipped until its write returns (then it gets the newest board), and is dropped when one write
 * takes longer than three heartbeats.
 */
@Component
class LiveStream implements DisposableBean {

    static final String EVENT = "live";
    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    private final LiveBoard board;
    private final ITemplateEngine templates;
    private final ConsoleProperties properties;
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "console-live"));
    private final ThreadPoolExecutor writers;
    private final AtomicLong version = new AtomicLong();
    private volatile LiveBoard.Snapshot last;
    private volatile String html;
    private volatile boolean failing;

    LiveStream(LiveBoard board, ITemplateEngine templates, ConsoleProperties properties) {
        this.board = board;
        this.templates = templates;
        this.properties = properties;
        // One write in flight per watcher, so never more threads than watchers.
        this.writers = new ThreadPoolExecutor(0, properties.liveMaxSubscribers(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> daemon(r, "console-live-write"));
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
        Watcher watcher = new Watcher(emitter, version.get());
        emitter.onCompletion(() -> watchers.remove(watcher));
        emitter.onTimeout(() -> watchers.remove(watcher));
        emitter.onError(e -> watchers.remove(watcher));
        // The first board comes from the request's own read (buffered until the response starts),
        // so a reconnecting browser catches up at once.
        try {
            emitter.send(SseEmitter.event().name(EVENT).data(render(board.snapshot())));
        } catch (IOException e) {
            return Optional.empty();
        }
        watchers.add(watcher);
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
            if (!now.equals(last)) {
                html = render(now);
                last = now;
                version.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // a database outage: keep the streams, try again next time, say so once
            if (!failing) {
                log.warn("Live console: cannot read the board ({})", e.getClass().getSimpleName());
                failing = true;
            }
            return;
        }
        long current = version.get();
        String board = html;
        for (Watcher watcher : watchers) {
            if (watcher.sent < current) {
                write(watcher, SseEmitter.event().name(EVENT).data(board), current);
            }
        }
    }

    private void heartbeat() {
        for (Watcher watcher : watchers) {
            write(watcher, SseEmitter.event().comment("heartbeat"), -1);
        }
    }

    /** Writes unless the watcher's last write is still going; drops a watcher stuck too long. */
    private void write(Watcher watcher, SseEmitter.SseEventBuilder event, long boardVersion) {
        long now = System.nanoTime();
        long since = watcher.writingSince.get();
        if (since != 0) {
            if (now - since > 3 * properties.liveHeartbeat().toNanos()) {
                drop(watcher, null);
            }
            return;
        }
        if (!watcher.writingSince.compareAndSet(0, now)) {
            return;
        }
        try {
            writers.execute(() -> {
                try {
                    watcher.emitter.send(event);
                    if (boardVersion > watcher.sent) {
                        watcher.sent = boardVersion;
                    }
                } catch (IOException | IllegalStateException gone) {
                    drop(watcher, gone);
                } finally {
                    watcher.writingSince.set(0);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            watcher.writingSince.set(0);
        }
    }

    private void drop(Watcher watcher, Exception why) {
        watchers.remove(watcher);
        if (why == null) {
            watcher.emitter.complete();
        } else {
            watcher.emitter.completeWithError(why);
        }
    }

    /**
     * Ends every stream when the application starts to close, before the web server's graceful
     * shutdown, which would otherwise wait its whole grace period for these never-ending requests.
     */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        watchers.forEach(w -> w.emitter.complete());
        watchers.clear();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        writers.shutdownNow();
        closing();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One browser: its stream, the board version it has, and when its current write started (0: none). */
    private static final class Watcher {
        final SseEmitter emitter;
        final AtomicLong writingSince = new AtomicLong();
        volatile long sent;

        Watcher(SseEmitter emitter, long sent) {
            this.emitter = emitter;
            this.sent = sent;
        }
    }
}
