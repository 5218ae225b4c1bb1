package io.callmask.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callmask.metrics.*}.
 *
 * @param keys bearer keys a scraper may read {@code /actuator/prometheus} with; when empty, one is generated into
 *     {@code <data-dir>/metrics-key}
 */
@ConfigurationProperties("callmask.metrics")
record MetricsProperties(List<String> keys) {

    MetricsProperties {
        keys = keys == null ? List.of() : keys.stream().filter(k -> k != null && !k.isBlank()).toList();
    }
}
