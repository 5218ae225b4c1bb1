package io.callmask.web.event;

import io.callmask.core.event.Event;
import io.callmask.core.event.Events;
import jakarta.validation.constraints.Max;
import io.callmask.core.Ids;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/events}: what happened that the platform may want to act on. */
@RestController
@Validated
class EventController {

    private final Events events;

    EventController(Events events) {
        this.events = events;
    }

    @GetMapping("/v1/events")
    List<Event> list(@RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9._-]{0,63}") String type,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN) String sessionId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return events.recent(type, sessionId, limit);
    }
}
