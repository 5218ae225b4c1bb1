package io.callmask.core.session;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.privacy.NumberHashes;
import io.callmask.core.privacy.NumberVault;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.callmask.core.storage.Database;
import io.callmask.core.storage.SqlTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sessions, parties and routes tables. Writers must run inside a transaction. */
@Repository
public class Sessions {

    private static final String SELECT = """
            select s.id, s.reference, s.order_code, s.status, s.created_at, s.expires_at, s.ended_at, s.record_calls,
                   p.position, p.role, p.external_id, p.real_number_sealed, p.masked_number, p.on_hub
            from sessions s join parties p on p.session_id = s.id
            """;

    private final JdbcClient jdbc;
    private final NumberHashes hashes;
    private final NumberVault vault;
    private final Database database;

    Sessions(JdbcClient jdbc, NumberHashes hashes, NumberVault vault, Database database) {
        this.jdbc = jdbc;
        this.database = database;
        this.hashes = hashes;
        this.vault = vault;
    }

    public Optional<Session> find(String id) {
        return read(jdbc.sql(SELECT + "where s.id = ? order by p.position").param(id)).stream().findFirst();
    }

    /** Newest first. */
    public List<Session> findByReference(String reference, int limit) {
        return read(jdbc.sql(SELECT + """
                        where s.id in (select id from sessions where reference = ? order by created_at desc, id limit ?)
                        order by s.created_at desc, s.id, p.position""")
                .params(reference, limit));
    }

    Optional<String> findOpenByKey(String openKey) {
        return jdbc.sql("select id from sessions where open_key = ?").param(openKey).query(String.class).optional();
    }

    /**
     * The hot path of every dial-in: the open session holding the pair (caller's real number,
     * dialled masked number), by the routes table's primary key, with both parties in one query.
     * Only the other party's sealed number is opened: the caller's is {@code real}.
     */
    public Optional<Session> findOpenByPair(PhoneNumber real, PhoneNumber masked) {
        return read(jdbc.sql(SELECT.replace("p.on_hub", "p.on_hub, r.position as routed") + """
                        join routes r on r.session_id = s.id
                        where r.real_number_hash = ? and r.masked_number = ?
                        order by p.position""")
                .params(hashes.of(real), masked.e164()), rs -> rs.getInt("position") == rs.getInt("routed") ? real
                        : vault.open(rs.getString("real_number_sealed"))).stream().findFirst();
    }

    /**
     * Up to {@code limit} of the open sessions in which this party holds the hub number; a busy
     * party may have thousands, and the router only needs to know whether there are zero, one or more.
     */
    public List<String> openSessionIdsOnHub(PhoneNumber real, PhoneNumber hub, int limit) {
        return jdbc.sql("select session_id from hub_routes where real_number_hash = ? and hub_number = ? limit ?")
                .params(hashes.of(real), hub.e164(), limit).query(String.class).list();
    }

    /** The open session this hub party means by {@code orderCode}, if any. */
    public Optional<Session> findOpenOnHub(PhoneNumber real, PhoneNumber hub, String orderCode) {
        return read(jdbc.sql(SELECT + """
                        join hub_routes h on h.session_id = s.id
                        where h.real_number_hash = ? and h.hub_number = ? and h.order_code = ?
                        order by p.position""")
                .params(hashes.of(real), hub.e164(), orderCode)).stream().findFirst();
    }

    /** Whether this pair ever belonged to a session (used only after the hot path found none). */
    public boolean everHadPair(PhoneNumber real, PhoneNumber masked) {
        return jdbc.sql("select count(*) from parties where real_number_hash = ? and masked_number = ?")
                .params(hashes.of(real), masked.e164()).query(Integer.class).single() > 0;
    }

    /**
     * Inserts the session, its parties and their routes (hub routes for hub parties); a route or
     * order code taken by a concurrent request fails with a duplicate key. One statement on
     * PostgreSQL (data-modifying {@code WITH}), one per table on H2. {@code partyHashes}: each
     * party's keyed number hash, by position, as the caller computed them.
     */
    void insert(Session session, String openKey, List<String> partyHashes) {
        List<Object> parties = new ArrayList<>();
        List<Object> routes = new ArrayList<>();
        List<Object> hubRoutes = new ArrayList<>();
        for (Party p : session.parties()) {
            String hash = partyHashes.get(p.position());
            parties.addAll(Arrays.asList(session.id(), p.position(), p.role(), p.externalId(), hash,
                    vault.seal(p.real()), p.masked().e164(), p.onHub()));
            if (p.onHub()) {
                hubRoutes.addAll(List.of(hash, p.masked().e164(), session.orderCode(), session.id(), p.position()));
            } else {
                routes.addAll(List.of(hash, p.masked().e164(), session.id(), p.position()));
            }
        }
        List<Insert> inserts = new ArrayList<>();
        inserts.add(new Insert(INSERT_SESSION, Arrays.asList(session.id(), session.reference(), session.orderCode(),
                openKey, SqlTime.of(session.createdAt()), SqlTime.of(session.expiresAt()), session.record())));
        inserts.add(Insert.rows(INSERT_PARTIES, 8, parties));
        if (!routes.isEmpty()) {
            inserts.add(Insert.rows(INSERT_ROUTES, 4, routes));
        }
        if (!hubRoutes.isEmpty()) {
            inserts.add(Insert.rows(INSERT_HUB_ROUTES, 5, hubRoutes));
        }
        // Each hub party's count of open hub sessions goes up with its hub route, in hash order so that two
        // sessions of the same two hub parties take the counters' row locks in the same order.
        List<Object> hubParties = session.parties().stream().filter(Party::onHub)
                .map(p -> partyHashes.get(p.position())).sorted().map(Object.class::cast).toList();
        if (database == Database.H2) {
            inserts.forEach(i -> jdbc.sql(i.sql()).params(i.values()).update());
            hubParties.forEach(hash -> jdbc.sql(H2_LOAD_HUB).param(hash).update());
            return;
        }
        if (!hubParties.isEmpty()) {
            inserts.add(new Insert(INSERT_HUB_LOADS + String.join(", ", Collections.nCopies(hubParties.size(),
                    "(?, 1)")) + LOAD_HUB_ON_CONFLICT, hubParties));
        }
        StringBuilder sql = new StringBuilder("with ");
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < inserts.size(); i++) {
            Insert insert = inserts.get(i);
            boolean last = i == inserts.size() - 1;
            sql.append(last ? " " + insert.sql() : (i == 0 ? "" : ", ") + "w" + i + " as (" + insert.sql() + ")");
            values.addAll(insert.values());
        }
        jdbc.sql(sql.toString()).params(values).update();
    }

    /** One insert statement and its values in order. */
    private record Insert(String sql, List<Object> values) {

        /** A multi-row insert: {@code values} holds the rows' values one after another, {@code columns} to a row. */
        static Insert rows(String insert, int columns, List<Object> values) {
            String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
            return new Insert(insert + " " + String.join(", ", Collections.nCopies(values.size() / columns, row)),
                    values);
        }
    }

    private static final String INSERT_SESSION = """
            insert into sessions (id, reference, order_code, status, open_key, created_at, expires_at, record_calls)
            values (?, ?, ?, 'open', ?, ?, ?, ?)""";
    private static final String INSERT_PARTIES = """
            insert into parties (session_id, position, role, external_id, real_number_hash, real_number_sealed,
                                 masked_number, on_hub)
            values""";
    private static final String INSERT_ROUTES =
            "insert into routes (real_number_hash, masked_number, session_id, position) values";
    private static final String INSERT_HUB_ROUTES =
            "insert into hub_routes (real_number_hash, hub_number, order_code, session_id, position) values";
    private static final String INSERT_HUB_LOADS = "insert into hub_loads (real_number_hash, open_sessions) values ";
    private static final String LOAD_HUB_ON_CONFLICT =
            " on conflict (real_number_hash) do update set open_sessions = hub_loads.open_sessions + 1";
    private static final String H2_LOAD_HUB = """
            merge into hub_loads l using (values (cast(? as varchar(64)))) as v (hash) on l.real_number_hash = v.hash
            when matched then update set open_sessions = l.open_sessions + 1
            when not matched then insert (real_number_hash, open_sessions) values (v.hash, 1)""";
    /** One fewer open hub session for each hub party of the session (on PostgreSQL a part of {@link #END}). */
    private static final String UNLOAD_HUBS = """
            update hub_loads set open_sessions = open_sessions - 1
            where real_number_hash in (select real_number_hash from parties where session_id = ? and on_hub)""";

    /** Whether the session's calls from now on are recorded; only an open session changes. */
    void setRecord(String id, boolean record) {
        jdbc.sql("update sessions set record_calls = ? where id = ? and status = 'open'").params(record, id).update();
    }

    /**
     * Ends an open session and frees its routes, remembering each release for the cool-down; false
     * when it had already ended. One statement on PostgreSQL (data-modifying {@code WITH}).
     */
    boolean end(String id, SessionStatus status, Instant now) {
        if (database == Database.POSTGRESQL) {
            return jdbc.sql(END_COUNTED)
                    .params(status.wire(), SqlTime.of(now), id, id, id, id, SqlTime.of(now), id)
                    .query(Integer.class).single() == 1;
        }
        int ended = jdbc.sql("""
                        update sessions set status = ?, ended_at = ?, open_key = null
                        where id = ? and status = 'open'""")
                .params(status.wire(), SqlTime.of(now), id)
                .update();
        if (ended == 1) {
            releaseRoutes(id, now);
        }
        return ended == 1;
    }

    /**
     * Closes the session if it is open and not past its expiry, and returns it closed; empty when
     * this did not close it (no such session, already ended, or due to expire: the caller reads it).
     * On PostgreSQL one statement ends it and returns it, so a close does not read it first.
     */
    Optional<Session> closeIfOpen(String id, Instant now) {
        if (database == Database.POSTGRESQL) {
            return read(jdbc.sql(CLOSE_RETURNING)
                    .params(SessionStatus.CLOSED.wire(), SqlTime.of(now), id, SqlTime.of(now), id, id, id,
                            SqlTime.of(now), id, id))
                    .stream().findFirst();
        }
        Optional<Session> open = find(id).filter(session -> session.openAt(now));
        if (open.isEmpty() || !end(id, SessionStatus.CLOSED, now)) {
            return Optional.empty();
        }
        Session s = open.get();
        return Optional.of(new Session(s.id(), s.reference(), s.orderCode(), SessionStatus.CLOSED, s.createdAt(),
                s.expiresAt(), now, s.parties(), s.record()));
    }

    /**
     * PostgreSQL's end of an open session, one data-modifying {@code WITH}: {@code %1$s} adds to the
     * update's condition, {@code %2$s} is what the update returns, {@code %3$s} lowers the hub counts;
     * the two statements below add the last select. Every part filters by the id itself, not by a join
     * with the update's rows: the plan is then the same index look-ups whatever the tables' statistics say.
     */
    private static final String END = """
            with ended as (
                update sessions set status = ?, ended_at = ?, open_key = null
                where id = ? and status = 'open'%1$s returning %2$s),
            freed as (
                delete from routes where session_id = ? and exists (select 1 from ended)
                returning real_number_hash, masked_number, position),
            hubs_freed as (
                delete from hub_routes where session_id = ? and exists (select 1 from ended)),
            hubs_unloaded as (
                %3$s and exists (select 1 from ended)),
            released as (
                insert into released_pairs (real_number_hash, masked_number, counterpart_hash, released_at)
                select f.real_number_hash, f.masked_number, o.real_number_hash, ? from freed f
                join parties o on o.session_id = ? and o.position <> f.position
                on conflict (real_number_hash, masked_number) do update
                    set counterpart_hash = excluded.counterpart_hash, released_at = excluded.released_at)
            """;
    /** {@link #END}, answering how many sessions it ended (0 or 1). */
    private static final String END_COUNTED = END.formatted("", "id", UNLOAD_HUBS) + "select count(*) from ended";
    /** {@link #END} for a close before the expiry, answering the ended session with its parties. */
    private static final String CLOSE_RETURNING = END.formatted(" and expires_at > ?", "*", UNLOAD_HUBS) + """
            select s.id, s.reference, s.order_code, s.status, s.created_at, s.expires_at, s.ended_at, s.record_calls,
                   p.position, p.role, p.external_id, p.real_number_sealed, p.masked_number, p.on_hub
            from ended s join parties p on p.session_id = ?
            order by p.position""";

    /** Frees the session's routes, remembering each release for the cool-down (H2). */
    private void releaseRoutes(String id, Instant now) {
        List<String[]> released = jdbc.sql("""
                        select r.real_number_hash, r.masked_number, o.real_number_hash as counterpart from routes r
                        join parties o on o.session_id = r.session_id and o.position <> r.position
                        where r.session_id = ?""")
                .param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        for (String[] pair : released) {
            // Keyed statements: the last release of each pair replaces the one before.
            jdbc.sql("delete from released_pairs where real_number_hash = ? and masked_number = ?")
                    .params(pair[0], pair[1]).update();
            jdbc.sql("""
                            insert into released_pairs (real_number_hash, masked_number, counterpart_hash, released_at)
                            values (?, ?, ?, ?)""")
                    .params(pair[0], pair[1], pair[2], SqlTime.of(now)).update();
        }
        jdbc.sql("delete from routes where session_id = ?").param(id).update();
        jdbc.sql("delete from hub_routes where session_id = ?").param(id).update();
        jdbc.sql(UNLOAD_HUBS).param(id).update();
    }

    List<String> openPastExpiry(Instant now, int limit) {
        return jdbc.sql("select id from sessions where status = 'open' and expires_at <= ? order by expires_at limit ?")
                .params(SqlTime.of(now), limit).query(String.class).list();
    }

    List<String> openForReference(String reference) {
        return jdbc.sql("select id from sessions where reference = ? and status = 'open'")
                .param(reference).query(String.class).list();
    }

    /** Retention: forgets the sealed real numbers of one ended session's parties (hashes and rows stay). */
    public int forgetPartyNumbers(String sessionId) {
        return jdbc.sql("update parties set real_number_sealed = null where session_id = ? and real_number_sealed is not null")
                .param(sessionId).update();
    }

    /** Retention: forgets released pairs (the stickiness memory) released before {@code before}. */
    public int forgetReleasedPairs(Instant before) {
        return jdbc.sql("delete from released_pairs where released_at < ?").param(SqlTime.of(before)).update();
    }

    private List<Session> read(JdbcClient.StatementSpec statement) {
        return read(statement, rs -> vault.open(rs.getString("real_number_sealed")));
    }

    /** {@code realNumber}: a party row's real number (from its sealed value, or known already). */
    private List<Session> read(JdbcClient.StatementSpec statement, RealNumber realNumber) {
        Map<String, Session> sessions = new LinkedHashMap<>();
        statement.query((ResultSet rs) -> {
            String id = rs.getString("id");
            Session s = sessions.computeIfAbsent(id, k -> session(rs));
            s.parties().add(party(rs, realNumber.of(rs)));
        });
        return sessions.values().stream().map(s -> new Session(s.id(), s.reference(), s.orderCode(), s.status(),
                s.createdAt(), s.expiresAt(), s.endedAt(), List.copyOf(s.parties()), s.record())).toList();
    }

    private interface RealNumber {
        PhoneNumber of(ResultSet rs) throws SQLException;
    }

    private static Session session(ResultSet rs) {
        try {
            return new Session(rs.getString("id"), rs.getString("reference"), rs.getString("order_code"),
                    SessionStatus.valueOf(rs.getString("status").toUpperCase()),
                    SqlTime.read(rs, "created_at"), SqlTime.read(rs, "expires_at"),
                    SqlTime.read(rs, "ended_at"), new ArrayList<>(), rs.getBoolean("record_calls"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Party party(ResultSet rs, PhoneNumber real) throws SQLException {
        return new Party(rs.getInt("position"), rs.getString("role"), rs.getString("external_id"), real,
                PhoneNumber.ofE164(rs.getString("masked_number")), rs.getBoolean("on_hub"));
    }
}
