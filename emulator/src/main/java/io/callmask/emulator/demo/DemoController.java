package io.callmask.emulator.demo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /demo}: the page, and the three things a marketplace's own backend would do for it. Minting a
 * retailer token without any sign-in is what makes this a demo: the shop's backend mints it with
 * {@code POST /v1/retailer-tokens} and its API key, as a platform does for the retailer its own session signed
 * in. It lives in the emulator module, so the product jar has no {@code /demo} at all.
 */
@Controller
@ConditionalOnProperty(name = "emulator.demo.enabled", havingValue = "true")
class DemoController {

    /** Short, as a platform's would be: the page asks again before it runs out. */
    static final Duration TOKEN_TTL = Duration.ofMinutes(15);

    private final DemoShop shop;

    DemoController(DemoShop shop) {
        this.shop = shop;
    }

    @GetMapping("/demo")
    String page(Model model) {
        shop.ensure();
        model.addAttribute("retailerName", DemoShop.RETAILER_NAME);
        return "demo";
    }

    record Retailer(String id, String name, String phone) {}

    record Shop(Retailer retailer, List<DemoShop.OrderView> orders) {}

    @GetMapping(path = "/demo/api/shop", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Shop shop() {
        List<DemoShop.OrderView> orders = shop.orders();
        return new Shop(new Retailer(DemoShop.RETAILER_ID, DemoShop.RETAILER_NAME, shop.retailerPhone()), orders);
    }

    record Token(String token, Instant expiresAt) {}

    @PostMapping(path = "/demo/api/token", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Token token() {
        var issued = shop.token(TOKEN_TTL.toSeconds());
        return new Token(issued.get("token").asString(), Instant.parse(issued.get("expiresAt").asString()));
    }

    record StatusChange(@NotNull String status) {}

    @PutMapping(path = "/demo/api/orders/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    DemoShop.OrderView status(@PathVariable String id, @Valid @RequestBody StatusChange body) {
        return shop.setStatus(id, body.status());
    }
}
