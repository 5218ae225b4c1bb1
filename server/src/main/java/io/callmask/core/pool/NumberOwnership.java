package io.callmask.core.pool;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which carrier owns which pool and hub number: {@code callmask.carrier} owns every number no
 * {@code callmask.carriers.<name>.numbers} list claims. Each carrier's own settings (credentials,
 * keys) live beside {@code enabled} and {@code numbers} in its adapter's properties.
 *
 * @param carrier the default carrier's name
 * @param carriers per carrier: whether it is enabled, and the numbers (E.164) it owns
 */
@Validated
@ConfigurationProperties("callmask")
public record NumberOwnership(@NotBlank String carrier, Map<String, Owner> carriers) {

    public NumberOwnership {
        carriers = carriers == null ? Map.of() : Map.copyOf(carriers);
    }

    /** One carrier's part: {@code enabled} (null: the adapter's own default) and its numbers. */
    public record Owner(Boolean enabled, List<String> numbers) {

        public Owner {
            numbers = numbers == null ? List.of() : List.copyOf(numbers);
        }
    }
}
