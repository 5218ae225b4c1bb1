package io.callmask.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CostPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static CostPeriod parse(String from, String to) {
        return CostPeriod.parse(from, to, TODAY, end -> end.minusDays(29));
    }

    @Test
    void blanksTakeTheDefaultsCountedFromTheEndDay() {
        assertThat(parse(null, " ")).isEqualTo(new CostPeriod(LocalDate.of(2026, 10, 27), TODAY));
        assertThat(parse("", "2026-02-28")).isEqualTo(
                new CostPeriod(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 28)));
        assertThat(parse(" 2026-11-01 ", "2026-11-01").days()).isEqualTo(1);
    }

    @Test
    void aYearWithItsLeapDayIsTheLongestPeriod() {
        assertThat(parse("2023-03-01", "2024-02-29").days()).isEqualTo(366);
        assertThatThrownBy(() -> parse("2023-02-28", "2024-02-29")).isInstanceOf(CostPeriod.Invalid.class)
                .hasMessage("A period may span at most 366 days.");
    }

    @Test
    void badInputNamesTheFieldAndAStableSlug() {
        assertThatThrownBy(() -> parse("2026-11-10", "2026-11-01"))
                .isInstanceOfSatisfying(CostPeriod.Invalid.class, e -> assertThat(e.slug()).isEqualTo("invalid-period"))
                .hasMessage("'from' must not be after 'to'.");
        assertThatThrownBy(() -> parse("2026-02-30", null))
                .isInstanceOfSatisfying(CostPeriod.Invalid.class, e -> assertThat(e.slug()).isEqualTo("invalid-from"));
        assertThatThrownBy(() -> parse(null, "<script>"))
                .isInstanceOfSatisfying(CostPeriod.Invalid.class, e -> assertThat(e.slug()).isEqualTo("invalid-to"))
                .hasMessage("'to' must be a date such as 2026-11-01.");
    }
}
