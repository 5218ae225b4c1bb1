package io.callmask.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /console/pool}: the numbers, what holds them, and the shortfalls. */
@Controller
class PoolController {

    private final PoolStatus status;

    PoolController(PoolStatus status) {
        this.status = status;
    }

    @GetMapping("/console/pool")
    String pool(Model model) {
        model.addAttribute("page", "pool");
        model.addAttribute("pool", status.read());
        return "console/pool";
    }
}
