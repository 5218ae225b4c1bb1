package io.callmask.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.core.call.Leg.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTest {

    @Test
    void beforeTheCalleeIsDialledTheCallerLegDecides() {
        assertThat(call(leg(Role.CALLER, LegStatus.RINGING)).status()).isEqualTo(LegStatus.RINGING);
        assertThat(call(leg(Role.CALLER, LegStatus.NO_ANSWER)).status()).isEqualTo(LegStatus.NO_ANSWER);
    }

    @Test
    void onceTheCalleeIsDialledItsLegDecides() {
        assertThat(call(leg(Role.CALLER, LegStatus.COMPLETED), leg(Role.CALLEE, LegStatus.BUSY)).status())
                .isEqualTo(LegStatus.BUSY);
        assertThat(call(leg(Role.CALLER, LegStatus.IN_PROGRESS), leg(Role.CALLEE, LegStatus.IN_PROGRESS)).status())
                .isEqualTo(LegStatus.IN_PROGRESS);
    }

    @Test
    void aCallerHangingUpWhileTheCalleeRingsCancelsTheCall() {
        assertThat(call(leg(Role.CALLER, LegStatus.COMPLETED), leg(Role.CALLEE, LegStatus.RINGING)).status())
                .isEqualTo(LegStatus.CANCELED);
        assertThat(call(leg(Role.CALLER, LegStatus.COMPLETED), leg(Role.CALLEE, LegStatus.IN_PROGRESS)).status())
                .isEqualTo(LegStatus.COMPLETED);
    }

    @Test
    void aCallTheCarrierRefusedIsFailed() {
        Call refused = new Call("c", "s", Call.Direction.CLICK_TO_CALL, 0, "twilio", "refused", Instant.EPOCH, List.of());
        assertThat(refused.status()).isEqualTo(LegStatus.FAILED);
    }

    @Test
    void statusesRankSoLateReportsNeverMoveALegBack() {
        assertThat(LegStatus.QUEUED.rank()).isLessThan(LegStatus.INITIATED.rank());
        assertThat(LegStatus.INITIATED.rank()).isLessThan(LegStatus.RINGING.rank());
        assertThat(LegStatus.RINGING.rank()).isLessThan(LegStatus.IN_PROGRESS.rank());
        for (LegStatus terminal : List.of(LegStatus.COMPLETED, LegStatus.BUSY, LegStatus.NO_ANSWER, LegStatus.FAILED,
                LegStatus.CANCELED)) {
            assertThat(terminal.rank()).isGreaterThan(LegStatus.IN_PROGRESS.rank());
            assertThat(terminal.terminal()).isTrue();
        }
        assertThat(LegStatus.fromWire("answered")).contains(LegStatus.IN_PROGRESS);
        assertThat(LegStatus.fromWire("no-answer")).contains(LegStatus.NO_ANSWER);
        assertThat(LegStatus.fromWire("exploded")).isEmpty();
    }

    private static Call call(Leg... legs) {
        return new Call("c", "s", Call.Direction.CLICK_TO_CALL, 0, "twilio", null, Instant.EPOCH, List.of(legs));
    }

    private static Leg leg(Role role, LegStatus status) {
        return new Leg("CA" + role, role, status, null, null, null);
    }
}
