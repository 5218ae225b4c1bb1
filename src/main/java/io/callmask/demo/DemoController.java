package io.callmask.demo;

import io.callmask.emulator.EmulatorEnabledCondition;
import io.callmask.web.RetailerTokens;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Conditional;
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
 * retailer token without any sign-in is what makes this a demo: a platform mints tokens with
 * {@code POST /v1/retailer-tokens} and its API key, for the retailer its own session signed in.
 * No bean here exists unless the emulator does, so a production deployment answers 404. Not part of the
 * platform API, so not in its OpenAPI document.
 */
@Hidden
@Controller
@Conditional(EmulatorEnabledCondition.class)
class DemoController {

    /** Short, as a platform's would be: the page asks again before it runs out. */
    static final Duration TOKEN_TTL = Duration.ofMinutes(15);

    private final DemoShop shop;
    private final RetailerTokens tokens;

    DemoController(DemoShop shop, RetailerTokens tokens) {
        this.shop = shop;
        this.tokens = tokens;
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
        shop.ensure();
        // Never longer than callmask.tokens.max-ttl, or the token would be refused where it is used.
        Duration ttl = TOKEN_TTL.compareTo(tokens.maxTtl()) > 0 ? tokens.maxTtl() : TOKEN_TTL;
        var issued = tokens.issue(DemoShop.RETAILER_ID, ttl);
        return new Token(issued.token(), issued.expiresAt());
    }

    record StatusChange(@NotNull String status) {}

    @PutMapping(path = "/demo/api/orders/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    DemoShop.OrderView status(@PathVariable String id, @Valid @RequestBody StatusChange body) {
        return shop.setStatus(id, body.status());
    }
}
