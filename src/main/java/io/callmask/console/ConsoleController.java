package io.callmask.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's pages. Each feature's page has its own controller in this package. */
@Controller
class ConsoleController {

    @GetMapping("/console")
    String live(Model model) {
        model.addAttribute("page", "live");
        return "console/live";
    }
}
