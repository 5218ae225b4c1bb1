package io.callmask.core.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class AllowedHoursTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void theStartIsInsideAndTheEndIsNot() {
        AllowedHours day = AllowedHours.parse("08:00-21:00");

        assertThat(day.contains(LocalTime.of(8, 0))).isTrue();
        assertThat(day.contains(LocalTime.of(20, 59, 59))).isTrue();
        assertThat(day.contains(LocalTime.of(21, 0))).isFalse();
        assertThat(day.contains(LocalTime.of(7, 59))).isFalse();
        assertThat(day).hasToString("08:00-21:00");
    }

    @Test
    void hoursMayRunOverMidnight() {
        AllowedHours night = AllowedHours.parse(" 22:00 - 06:00 ");

        assertThat(night.contains(LocalTime.of(23, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(5, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
    }

    @Test
    void aNightIsNamedByTheEndOfTheAllowedHoursBeforeIt() {
        AllowedHours day = AllowedHours.parse("08:00-21:00");
        ZonedDateTime late = ZonedDateTime.of(2026, 11, 25, 23, 10, 0, 0, KOLKATA);
        ZonedDateTime early = ZonedDateTime.of(2026, 11, 26, 6, 0, 0, 0, KOLKATA);

        assertThat(day.closedSince(late)).isEqualTo(day.closedSince(early))
                .isEqualTo(ZonedDateTime.of(2026, 11, 25, 21, 0, 0, 0, KOLKATA));
        assertThat(day.nextOpening(late)).isEqualTo(day.nextOpening(early))
                .isEqualTo(ZonedDateTime.of(2026, 11, 26, 8, 0, 0, 0, KOLKATA));
    }

    @Test
    void badSpellingsAreRefusedWithTheExpectedShape() {
        for (String bad : new String[] {"8-21", "08:00", "08:00-08:00", "", "25:00-26:00"}) {
            assertThatThrownBy(() -> AllowedHours.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
