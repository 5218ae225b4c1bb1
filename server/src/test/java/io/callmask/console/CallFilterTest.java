package io.callmask.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CallFilterTest {

    @Test
    void blankFiltersMeanNoFilterAndTheFirstPage() {
        assertThat(CallFilter.parse("", " ", null, "", null, "")).isEqualTo(CallFilter.NONE);
        assertThat(CallFilter.NONE.parameters()).isEmpty();
    }

    @Test
    void validFiltersAreKeptAndWrittenBackAsParameters() {
        CallFilter f = CallFilter.parse("r-1", "order 7", "no-answer", "2026-11-01", "2026-11-25", "3");
        assertThat(f).isEqualTo(new CallFilter("r-1", "order 7", "no-answer", LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 25), 3));
        assertThat(CallsController.query(f.parameters()))
                .isEqualTo("retailer=r-1&reference=order%207&status=no-answer&from=2026-11-01&to=2026-11-25");
    }

    @Test
    void eachBadValueIsRefusedWithItsOwnReason() {
        bad(() -> CallFilter.parse("r 1", null, null, null, null, null), "Retailer must be a retailer id");
        bad(() -> CallFilter.parse(null, "x".repeat(129), null, null, null, null), "Order reference must be");
        bad(() -> CallFilter.parse(null, "a\nb", null, null, null, null), "Order reference must be");
        bad(() -> CallFilter.parse(null, null, "answered", null, null, null), "Status must be one of");
        bad(() -> CallFilter.parse(null, null, null, "25/11/2026", null, null), "From must be a date");
        bad(() -> CallFilter.parse(null, null, null, null, "1999-12-31", null), "To must be a date between");
        bad(() -> CallFilter.parse(null, null, null, "2026-11-02", "2026-11-01", null), "ends before it starts");
        bad(() -> CallFilter.parse(null, null, null, "2000-01-01", "2026-11-01", null), "at most ten years");
        bad(() -> CallFilter.parse(null, null, null, null, null, "0"), "Page must be");
        bad(() -> CallFilter.parse(null, null, null, null, null, "99999999999"), "Page must be");
    }

    private static void bad(org.assertj.core.api.ThrowableAssert.ThrowingCallable parse, String message) {
        assertThatThrownBy(parse).isInstanceOf(CallFilter.Invalid.class).hasMessageContaining(message);
    }
}
