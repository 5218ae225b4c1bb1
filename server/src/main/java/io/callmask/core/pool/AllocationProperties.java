package io.callmask.core.pool;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code callmask.allocation.*}: how masked numbers are handed out.
 *
 * @param hubThreshold a party with this many open sessions gets the hub for new ones
 * @param hubRoles the roles that may be put on a hub (customers never face a menu)
 * @param coolDown how long a released number is kept from the same party with someone else
 * @param codeDigits the shortest order code; a busy party's codes get longer so few are in use
 */
@Validated
@ConfigurationProperties("callmask.allocation")
public record AllocationProperties(@Min(1) int hubThreshold, @NotNull List<String> hubRoles,
        @NotNull Duration coolDown, @Min(3) int codeDigits) {

    public AllocationProperties {
        hubRoles = hubRoles == null ? List.of() : List.copyOf(hubRoles);
        if (codeDigits > 8) {
            throw new IllegalArgumentException("callmask.allocation.code-digits must be at most 8");
        }
    }

    public boolean mayUseHub(String role) {
        return hubRoles.contains(role);
    }
}
