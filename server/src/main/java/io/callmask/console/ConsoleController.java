package io.callmask.console;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live page ({@code /console}) and its event stream ({@code /console/stream}). */
@Controller
class ConsoleController {

    private final LiveBoard board;
    private final LiveStream stream;

    ConsoleController(LiveBoard board, LiveStream stream) {
        this.board = board;
        this.stream = stream;
    }

    @GetMapping("/console")
    String live(Model model) {
        model.addAttribute("page", "live");
        model.addAttribute("board", board.snapshot());
        return "console/live";
    }

    @GetMapping(path = "/console/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream() {
        return stream.subscribe()
                .map(emitter -> ResponseEntity.ok().header("X-Accel-Buffering", "no").body(emitter))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").build());
    }
}
