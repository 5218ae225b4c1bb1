package io.callmask.web.session;

import io.callmask.core.session.PartyRequest;
import io.callmask.core.session.Session;
import io.callmask.core.session.SessionAccess;
import io.callmask.core.session.SessionService;
import io.callmask.core.Caller;
import io.callmask.web.Problem;
import io.callmask.core.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/sessions}: open, read, find by reference and close masked sessions. */
@RestController
@Validated
@RequestMapping("/v1/sessions")
class SessionController {

    static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}";
    static final String ROLE = "[a-z][a-z0-9_-]{0,31}";

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    record PartyBody(@NotBlank @Pattern(regexp = ROLE) String role, @Size(max = 64) @Pattern(regexp = Ids.TEXT) String id,
            @NotBlank String number) {}

    record CreateBody(@NotBlank @Pattern(regexp = REFERENCE) String reference,
            @NotNull @Size(min = 2, max = 2) List<@Valid @NotNull PartyBody> parties, Long ttlSeconds,
            Boolean record) {}

    /** What the API shows of a party: never its real number. {@code hub}: it dials the hub and enters the code. */
    record PartyView(String role, String id, String maskedNumber, boolean hub) {}

    /**
     * {@code orderCode} is what a hub party enters in the hub's menu; show it in the platform's app.
     * {@code record}: its calls are recorded, after both parties hear the consent notice.
     */
    record SessionView(String id, String reference, String orderCode, String status, Instant createdAt,
            Instant expiresAt, Instant endedAt, List<PartyView> parties, boolean record) {
        static SessionView of(Session s) {
            return new SessionView(s.id(), s.reference(), s.orderCode(), s.status().wire(), s.createdAt(),
                    s.expiresAt(), s.endedAt(), s.parties().stream()
                            .map(p -> new PartyView(p.role(), p.externalId(), p.masked().e164(), p.onHub())).toList(),
                    s.record());
        }
    }

    @PostMapping
    ResponseEntity<SessionView> create(@Valid @RequestBody CreateBody body) {
        Duration ttl = body.ttlSeconds() == null ? null : Duration.ofSeconds(body.ttlSeconds());
        var opened = sessions.open(body.reference(), body.parties().stream()
                .map(p -> new PartyRequest(p.role(), p.id(), p.number())).toList(), ttl, body.record());
        return ResponseEntity.status(opened.created() ? 201 : 200).body(SessionView.of(opened.session()));
    }

    @GetMapping("/{id}")
    SessionView get(@PathVariable String id, Caller caller) {
        Session session = sessions.get(id);
        if (!SessionAccess.visible(session, caller)) {
            throw Problem.notFound("session", id);
        }
        return SessionView.of(session);
    }

    @GetMapping
    List<SessionView> findByReference(@RequestParam @Pattern(regexp = REFERENCE) String reference, Caller caller) {
        return sessions.findByReference(reference).stream().filter(s -> SessionAccess.visible(s, caller))
                .map(SessionView::of).toList();
    }

    @PostMapping("/{id}/close")
    SessionView close(@PathVariable String id) {
        return SessionView.of(sessions.close(id));
    }
}
