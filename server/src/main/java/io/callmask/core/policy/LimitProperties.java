package io.callmask.core.policy;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code callmask.limits.*}: how many calls may be started, held in the database so that every
 * instance counts against the same buckets.
 *
 * @param retailerCallsPerHour calls a retailer may start per hour, unless the retailer has its own
 *     {@code callsPerHour}
 * @param customerCallsPerDay calls that may ring one customer's number per day, across retailers
 */
@Validated
@ConfigurationProperties("callmask.limits")
public record LimitProperties(@Min(1) int retailerCallsPerHour, @Min(1) int customerCallsPerDay) {}
