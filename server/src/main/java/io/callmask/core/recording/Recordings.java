package io.callmask.core.recording;

import io.callmask.core.storage.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recordings table. A callback is applied by an insert-if-absent and one conditional update,
 * so repeats and out-of-order deliveries converge on the same row and state.
 */
@Repository
public class Recordings {

    private static final String SELECT = """
            select id, call_id, carrier, carrier_recording_sid, media_url, status, duration_seconds, channels,
                   created_at, updated_at, purged_at
            from recordings
            """;

    private final JdbcClient jdbc;

    Recordings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the recording unless its carrier sid is known, then applies the report: the status
     * moves only up its rank, duration and channels are kept from the first report that knew them,
     * and a purged recording never gets a media URL back. Runs outside a transaction: on PostgreSQL
     * the insert that loses a race fails, and a failed insert would abort the surrounding one.
     */
    void apply(String newId, String callId, RecordingReport report, Instant now) {
        RecordingStatus status = report.status();
        try {
            int inserted = jdbc.sql("""
                            insert into recordings (id, call_id, carrier, carrier_recording_sid, media_url, status,
                                status_rank, duration_seconds, channels, created_at, updated_at)
                            select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                            where not exists (select 1 from recordings where carrier_recording_sid = ?)""")
                    .params(newId, callId, report.carrier(), report.recordingSid(), report.mediaUrl(), status.wire(),
                            status.rank(), report.durationSeconds(), report.channels(), SqlTime.of(now),
                            SqlTime.of(now), report.recordingSid())
                    .update();
            if (inserted == 1) {
                return;
            }
        } catch (DuplicateKeyException concurrentInsert) {
            // A repeat of this callback created it a moment ago; apply this one on top.
        }
        jdbc.sql("""
                        update recordings set
                            status = case when status_rank < ? then ? else status end,
                            status_rank = case when status_rank < ? then ? else status_rank end,
                            duration_seconds = coalesce(duration_seconds, ?),
                            channels = coalesce(channels, ?),
                            media_url = case when purged_at is null then coalesce(media_url, ?) else null end,
                            updated_at = ?
                        where carrier_recording_sid = ?""")
                .params(status.rank(), status.wire(), status.rank(), status.rank(), report.durationSeconds(),
                        report.channels(), report.mediaUrl(), SqlTime.of(now), report.recordingSid())
                .update();
    }

    Optional<Recording> find(String id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(Recordings::recording).optional();
    }

    Optional<Recording> findByCarrierSid(String carrierRecordingSid) {
        return jdbc.sql(SELECT + "where carrier_recording_sid = ?").param(carrierRecordingSid)
                .query(Recordings::recording).optional();
    }

    List<Recording> forCall(String callId) {
        return jdbc.sql(SELECT + "where call_id = ? order by created_at, id").param(callId)
                .query(Recordings::recording).list();
    }

    /** Up to {@code limit} unpurged recordings of sessions that ended before the cut-off, by id after {@code after}. */
    List<Recording> unpurgedEndedBefore(Instant endedBefore, String after, int limit) {
        return jdbc.sql(SELECT.replace("from recordings", "from recordings r") + """
                        where r.purged_at is null and r.id > ? and r.call_id in (
                            select c.id from calls c join sessions s on s.id = c.session_id
                            where s.ended_at is not null and s.ended_at < ?)
                        order by r.id limit ?""")
                .params(after, SqlTime.of(endedBefore), limit).query(Recordings::recording).list();
    }

    /** Marks the recording purged (its carrier copy deleted); false when it already was. */
    boolean markPurged(String id, Instant now) {
        return jdbc.sql("""
                        update recordings set purged_at = ?, media_url = null, updated_at = ?
                        where id = ? and purged_at is null""")
                .params(SqlTime.of(now), SqlTime.of(now), id).update() == 1;
    }

    private static Recording recording(ResultSet rs, int row) throws SQLException {
        int duration = rs.getInt("duration_seconds");
        Integer durationSeconds = rs.wasNull() ? null : duration;
        int channels = rs.getInt("channels");
        Integer channelCount = rs.wasNull() ? null : channels;
        return new Recording(rs.getString("id"), rs.getString("call_id"), rs.getString("carrier"),
                rs.getString("carrier_recording_sid"), rs.getString("media_url"),
                RecordingStatus.fromWire(rs.getString("status")).orElseThrow(), durationSeconds, channelCount,
                SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"), SqlTime.read(rs, "purged_at"));
    }
}
