package io.callmask.event;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
    List<Event> list(@RequestParam(required = false) String type, @RequestParam(required = false) String sessionId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return events.recent(type, sessionId, limit);
    }
}
