package io.callmask.emulator.demo;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo shop's settings ({@code emulator.demo.*}): where callmask is and the platform key the shop's backend
 * uses, and the numbers of the emulator's virtual phones (never dialled outside the machine).
 *
 * @param enabled        serve {@code /demo}
 * @param callmaskUrl    callmask's base URL; empty: the server the demo runs in
 * @param apiKey         a platform API key of that callmask; empty: read {@code apiKeyFile}
 * @param apiKeyFile     where callmask wrote its generated key
 * @param retailerPhone  the demo retailer's phone
 * @param customerPhones the demo customers' phones, one per demo order, in order
 */
@ConfigurationProperties("emulator.demo")
record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String callmaskUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("data/api-key") Path apiKeyFile,
        @DefaultValue("+919900010001") String retailerPhone,
        @DefaultValue({"+919900020001", "+919900020002", "+919900020003"}) List<String> customerPhones) {}
