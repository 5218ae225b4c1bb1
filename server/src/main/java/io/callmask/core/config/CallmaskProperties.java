package io.callmask.core.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Top-level settings under {@code callmask.*}; each feature keeps its own nested group
 * ({@code callmask.session}, {@code callmask.calls}, {@code callmask.twilio}). Defaults live in
 * {@code application.yml}, where every setting is documented.
 *
 * @param apiKeys platform API keys accepted as {@code Authorization: Bearer …}; when empty, one is
 *     generated into {@code data-dir/api-key}
 * @param operatorKeys operator keys: everything a platform key may do, plus reading recordings; when
 *     empty, one is generated into {@code data-dir/operator-key}
 * @param publicBaseUrl the URL carriers use to reach callmask (webhook URLs and signature checks);
 *     when unset, {@code http://localhost:<port>}
 * @param defaultRegion ISO region used to read numbers written without a country code
 * @param dataDir where the embedded H2 database and the generated API key live
 * @param pool the platform's masked numbers (E.164), seeded into the database at start-up
 * @param hubs shared numbers for busy parties, who choose the session by order code
 */
@Validated
@ConfigurationProperties("callmask")
public record CallmaskProperties(
        List<String> apiKeys,
        List<String> operatorKeys,
        URI publicBaseUrl,
        @NotBlank String defaultRegion,
        @NotNull Path dataDir,
        List<String> pool,
        List<String> hubs) {

    public CallmaskProperties {
        apiKeys = nonBlank(apiKeys);
        operatorKeys = nonBlank(operatorKeys);
        pool = pool == null ? List.of() : List.copyOf(pool);
        hubs = hubs == null ? List.of() : List.copyOf(hubs);
    }

    private static List<String> nonBlank(List<String> keys) {
        return keys == null ? List.of() : keys.stream().filter(k -> !k.isBlank()).toList();
    }
}
