package io.callmask.console;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.number.Redaction;
import io.callmask.core.privacy.NumberVault;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the parties of a page of sessions in one query and turns each into its masked form. The
 * real number is opened only to be redacted here; it never leaves this class in clear.
 */
@Component
class Parties {

    private final JdbcClient jdbc;
    private final NumberVault vault;

    Parties(JdbcClient jdbc, NumberVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** session id -> position -> party. */
    Map<String, Map<Integer, PartyView>> of(Collection<String> sessionIds) {
        Map<String, Map<Integer, PartyView>> result = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return result;
        }
        List<String> ids = List.copyOf(sessionIds);
        String marks = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
        jdbc.sql("select session_id, position, role, external_id, real_number_sealed, masked_number from parties"
                        + " where session_id in (" + marks + ")")
                .params(ids)
                .query(rs -> {
                    result.computeIfAbsent(rs.getString("session_id"), k -> new HashMap<>())
                            .put(rs.getInt("position"), new PartyView(rs.getString("role"),
                                    nullToEmpty(rs.getString("external_id")), redacted(rs.getString("real_number_sealed")),
                                    rs.getString("masked_number")));
                });
        return result;
    }

    private String redacted(String sealed) {
        try {
            PhoneNumber real = vault.open(sealed);
            return real == null ? "purged" : Redaction.redact(real.e164());
        } catch (RuntimeException unreadable) {
            // a key no longer configured: the console still shows the rest of the row
            return "•••";
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
