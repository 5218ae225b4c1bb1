package io.callmask.emulator;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes TwiML for one leg, verb by verb. Quick verbs run in a loop; verbs that wait ({@code <Pause>},
 * {@code <Dial>}, {@code <Gather>}, fetching a document) hand the rest of the document on as a {@link Cursor}
 * and return, so no thread ever waits for emulated time.
 */
final class TwimlRunner {

    static final String APPLICATION_ERROR = "We are sorry, an application error has occurred. Goodbye.";

    /** Where execution stands in a document; {@code base} resolves relative URLs in it (null for inline TwiML). */
    record Cursor(List<Verb> verbs, int index, URI base) {
        boolean done() {
            return index >= verbs.size();
        }

        Verb verb() {
            return verbs.get(index);
        }

        Cursor next() {
            return new Cursor(verbs, index + 1, base);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(TwimlRunner.class);

    private final Switchboard board;

    TwimlRunner(Switchboard board) {
        this.board = board;
    }

    /** Requests a document for the leg on a worker and runs it, unless the leg has ended meanwhile. */
    void fetchAndRun(Leg leg, URI url, String method, Map<String, String> extra) {
        board.clock.work(() -> {
            List<Verb> verbs = fetch(leg, url, method, extra);
            if (verbs != null) {
                run(leg, new Cursor(verbs, 0, url));
            }
        });
    }

    /** The parsed document, or null after recording the failure and ending the call as Twilio does. */
    List<Verb> fetch(Leg leg, URI url, String method, Map<String, String> extra) {
        Map<String, String> params = board.baseParams(leg);
        params.putAll(extra);
        leg.recordFetch(url.toString());
        try {
            return TwimlParser.parse(board.webhooks().send(WebhookTally.Kind.TWIML, url,
                    StatusCallback.normaliseMethod(method), params));
        } catch (WebhookException e) {
            applicationError(leg, e.code, e.getMessage());
        } catch (TwimlException e) {
            applicationError(leg, TwimlException.DOCUMENT_PARSE_FAILURE, e.getMessage());
        }
        return null;
    }

    void runInline(Leg leg, String twiml) {
        board.clock.work(() -> {
            try {
                run(leg, new Cursor(TwimlParser.parse(twiml), 0, null));
            } catch (TwimlException e) {
                applicationError(leg, TwimlException.DOCUMENT_PARSE_FAILURE, e.getMessage());
            }
        });
    }

    void run(Leg leg, Cursor start) {
        try {
            runVerbs(leg, start);
        } catch (IllegalArgumentException e) { // a malformed URL in an attribute
            applicationError(leg, WebhookClient.HTTP_RETRIEVAL_FAILURE, "Invalid URL in TwiML: " + e.getMessage());
        }
    }

    private void runVerbs(Leg leg, Cursor start) {
        Cursor cursor = start;
        while (!leg.status().terminal()) {
            if (cursor.done()) {
                board.end(leg, CallStatus.COMPLETED);
                return;
            }
            Verb verb = cursor.verb();
            Cursor next = cursor.next();
            if (!(verb instanceof Verb.Reject) && !(verb instanceof Verb.Hangup)) {
                board.answer(leg); // an inbound call is answered by the first verb that needs a line
            }
            if (verb instanceof Verb.Say say) {
                hear(leg, say.text());
            } else if (verb instanceof Verb.Play play) {
                hear(leg, "[play " + play.url() + "]");
            } else if (verb instanceof Verb.Pause pause) {
                leg.addTimer(board.clock.after(pause.seconds(), () -> run(leg, next)));
                return;
            } else if (verb instanceof Verb.Hangup) {
                board.end(leg, CallStatus.COMPLETED);
                return;
            } else if (verb instanceof Verb.Reject) {
                board.end(leg, CallStatus.BUSY);
                return;
            } else if (verb instanceof Verb.Redirect redirect) {
                fetchAndRun(leg, resolve(cursor.base(), redirect.url()), redirect.method(), Map.of());
                return;
            } else if (verb instanceof Verb.Dial dial) {
                new DialSession(board, this, leg, dial, next).start();
                return;
            } else if (verb instanceof Verb.Gather gather) {
                new GatherSession(board, this, leg, gather, next).start();
                return;
            }
            cursor = next;
        }
    }

    void hear(Leg leg, String text) {
        leg.hear(text);
    }

    /** Twilio's answer to a broken application: record the error, apologise, hang up. */
    void applicationError(Leg leg, int code, String message) {
        leg.recordError(code + " " + message);
        log.info("Call {}: application error {}", leg.sid, code);
        if (leg.status().terminal()) {
            return;
        }
        board.answer(leg);
        hear(leg, APPLICATION_ERROR);
        board.end(leg, CallStatus.COMPLETED);
    }

    static URI resolve(URI base, String url) {
        URI target = URI.create(url.strip());
        return base == null ? target : base.resolve(target);
    }
}
