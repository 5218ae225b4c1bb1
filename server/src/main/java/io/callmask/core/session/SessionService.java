package io.callmask.core.session;

import io.callmask.core.event.Events;
import io.callmask.core.number.PhoneNumber;
import io.callmask.core.number.PhoneNumberParser;
import io.callmask.core.pool.Allocation;
import io.callmask.core.pool.AllocationProperties;
import io.callmask.core.pool.Allocator;
import io.callmask.core.pool.Holdings;
import io.callmask.core.pool.PoolMeters;
import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens, finds and ends sessions. Creating is idempotent per (reference, parties): a repeated
 * request gets the open session back. Allocation races are settled by the database and retried.
 */
@Service
public class SessionService {

    private static final int ATTEMPTS = 8;

    private final Sessions sessions;
    private final Allocator allocator;
    private final PhoneNumberParser numbers;
    private final Events events;
    private final SessionProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrderCodes orderCodes;
    private final boolean recordByDefault;
    private final NumberHashes hashes;
    private final PoolMeters poolMeters;

    SessionService(Sessions sessions, Allocator allocator, PhoneNumberParser numbers, Events events,
            SessionProperties properties, AllocationProperties allocation, TransactionTemplate tx, Clock clock,
            NumberHashes hashes, @Value("${callmask.recording.default:false}") boolean recordByDefault,
            PoolMeters poolMeters) {
        this.poolMeters = poolMeters;
        this.hashes = hashes;
        this.orderCodes = new OrderCodes(allocation.codeDigits());
        this.recordByDefault = recordByDefault;
        this.sessions = sessions;
        this.allocator = allocator;
        this.numbers = numbers;
        this.events = events;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** The session and whether this call created it. */
    public record Opened(Session session, boolean created) {}

    public Opened open(String reference, List<PartyRequest> requested, Duration ttl) {
        return open(reference, requested, ttl, null);
    }

    /**
     * As above; {@code record} says whether the session's calls are recorded (null: the configured
     * default). Given on a repeated request for the open session, it changes that session's calls
     * from then on: the platform's latest word stands.
     */
    public Opened open(String reference, List<PartyRequest> requested, Duration ttl, Boolean record) {
        Duration effectiveTtl = ttl == null ? properties.defaultTtl() : ttl;
        if (effectiveTtl.isNegative() || effectiveTtl.isZero() || effectiveTtl.compareTo(properties.maxTtl()) > 0) {
            throw Refusal.invalid("invalid-ttl", "'ttlSeconds' must be between 1 and "
                    + properties.maxTtl().toSeconds() + ".");
        }
        List<Parsed> parties = parse(requested);
        String openKey = openKey(reference, parties);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var existing = sessions.findOpenByKey(openKey).flatMap(sessions::find).map(this::expireIfDue);
            if (existing.isPresent() && existing.get().status() == SessionStatus.OPEN) {
                return new Opened(recordAsAsked(existing.get(), record), false);
            }
            boolean recorded = record == null ? recordByDefault : record;
            try {
                List<Allocation> allocations = new ArrayList<>();
                Session created = tx.execute(status -> create(reference, parties, effectiveTtl, openKey, allocations,
                        recorded));
                reportShortfall(created, allocations);
                return new Opened(created, true);
            } catch (DuplicateKeyException raced) {
                // Another request took a route or an order code, or created the same session: look again.
            }
        }
        throw new Refusal(Refusal.Kind.UNAVAILABLE, "allocation-contention", "Too many concurrent requests",
                "Could not allocate masked numbers after " + ATTEMPTS + " attempts; retry shortly.");
    }

    public Session get(String id) {
        return sessions.find(id).map(this::expireIfDue).orElseThrow(() -> Refusal.notFound("session", id));
    }

    public List<Session> findByReference(String reference) {
        return sessions.findByReference(reference, 100).stream().map(this::expireIfDue).toList();
    }

    public Session close(String id) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        Optional<Session> closed = tx.execute(status -> sessions.closeIfOpen(id, now));
        if (closed != null && closed.isPresent()) {
            return closed.get();
        }
        Session session = get(id); // not found, ended, or due to expire (get expires it)
        if (session.status() != SessionStatus.OPEN) {
            return session;
        }
        if (Boolean.TRUE.equals(tx.execute(status -> sessions.end(id, SessionStatus.CLOSED, now)))) {
            return new Session(session.id(), session.reference(), session.orderCode(), SessionStatus.CLOSED,
                    session.createdAt(), session.expiresAt(), now, session.parties(), session.record());
        }
        return sessions.find(id).orElseThrow(); // another request ended it first
    }

    /** Ends the session if its time has passed; the scheduled expiry may not have run yet. */
    public Session expireIfDue(Session session) {
        if (session.status() == SessionStatus.OPEN && !session.openAt(clock.instant())) {
            tx.executeWithoutResult(status -> sessions.end(session.id(), SessionStatus.EXPIRED, session.expiresAt()));
            return sessions.find(session.id()).orElseThrow();
        }
        return session;
    }

    /** Expires every open session past its time; returns how many. Safe on several instances at once. */
    public int expireDue() {
        Instant now = clock.instant();
        int expired = 0;
        for (String id : sessions.openPastExpiry(now, 1000)) {
            Boolean ended = tx.execute(status -> sessions.end(id, SessionStatus.EXPIRED, now));
            expired += Boolean.TRUE.equals(ended) ? 1 : 0;
        }
        return expired;
    }

    /** Closes the open sessions of a reference (an order that was delivered or cancelled). */
    public void closeAll(String reference) {
        for (String id : sessions.openForReference(reference)) {
            tx.executeWithoutResult(status -> sessions.end(id, SessionStatus.CLOSED, clock.instant()));
        }
    }

    private Session recordAsAsked(Session open, Boolean record) {
        if (record == null || record == open.record()) {
            return open;
        }
        tx.executeWithoutResult(status -> sessions.setRecord(open.id(), record));
        return sessions.find(open.id()).orElseThrow();
    }

    private Session create(String reference, List<Parsed> parties, Duration ttl, String openKey,
            List<Allocation> allocations, boolean record) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the database keeps it, so a read agrees
        String id = "ses_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        allocations.clear();
        List<Party> allocated = new ArrayList<>();
        int busiest = 0;
        String carrier = null; // the first party's number's carrier, preferred for the second
        Map<String, Holdings> holdings = allocator.holdingsOf(List.of(parties.get(0).hash(), parties.get(1).hash()));
        for (int i = 0; i < parties.size(); i++) {
            Parsed p = parties.get(i);
            Parsed other = parties.get(1 - i);
            Holdings held = holdings.getOrDefault(p.hash(), Holdings.NONE);
            busiest = Math.max(busiest, held.openSessions());
            Allocation allocation = allocator.allocate(p.role(), p.number(), held, other.hash(), carrier)
                    .orElseThrow(() -> poolExhausted(p));
            carrier = allocator.carrierOf(allocation.masked());
            allocations.add(allocation);
            allocated.add(new Party(i, p.role(), p.id(), p.number(), allocation.masked(), allocation.onHub()));
        }
        Session session = new Session(id, reference, orderCodes.next(busiest), SessionStatus.OPEN, now, now.plus(ttl),
                null, allocated, record);
        sessions.insert(session, openKey, parties.stream().map(Parsed::hash).toList());
        return session;
    }

    /** The pool could not give a party its own number, so it went to the hub: tell the platform. */
    private void reportShortfall(Session session, List<Allocation> allocations) {
        int shortBy = allocations.stream().mapToInt(Allocation::shortBy).max().orElse(0);
        if (shortBy > 0) {
            poolMeters.shortfall("short");
            events.record("pool.short", session.id(), null, "The pool is short by " + shortBy
                    + " number(s): a party was put on the hub because no number of its own was free.");
        }
    }

    private Refusal poolExhausted(Parsed party) {
        poolMeters.shortfall("exhausted");
        events.record("pool.exhausted", null, null,
                "No pool number is free for a '" + party.role() + "' party and no hub is configured.");
        return new Refusal(Refusal.Kind.UNAVAILABLE, "pool-exhausted", "Pool exhausted",
                "Every pool number is already in use for the '" + party.role()
                        + "' party's other open sessions and there is no hub number; add numbers to "
                        + "callmask.pool or callmask.hubs, or close sessions.");
    }

    private List<Parsed> parse(List<PartyRequest> requested) {
        if (requested == null || requested.size() != 2) {
            throw Refusal.invalid("invalid-parties", "A session has exactly two parties.");
        }
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PartyRequest p = requested.get(i);
            PhoneNumber number = numbers.parse("parties[" + i + "].number", p.number());
            parsed.add(new Parsed(p.role(), p.id(), number, hashes.of(number)));
        }
        if (parsed.get(0).role().equals(parsed.get(1).role())) {
            throw Refusal.invalid("invalid-parties", "The two parties need different roles.");
        }
        if (parsed.get(0).number().equals(parsed.get(1).number())) {
            throw Refusal.invalid("invalid-parties", "The two parties have the same number.");
        }
        return parsed;
    }

    private String openKey(String reference, List<Parsed> parties) {
        Map<String, String> hashByRole = new HashMap<>();
        parties.forEach(p -> hashByRole.put(p.role(), p.hash()));
        return OpenKeys.of(reference, hashByRole);
    }

    /** A requested party with its number read and its number's keyed hash. */
    private record Parsed(String role, String id, PhoneNumber number, String hash) {}
}
