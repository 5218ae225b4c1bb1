package io.callmask.web.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.core.Caller;
import io.callmask.web.Problem;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Who may read alerts and blocks; the refusals come before any data is touched. */
class AbuseControllerTest {

    private final AbuseController controller = new AbuseController(null, null, null, Clock.systemUTC());

    @Test
    void aRetailersTokenCannotReadAlerts() {
        assertThatThrownBy(() -> controller.alerts(Caller.retailer("r1"), "r1", null, null, 10))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(403);
                    assertThat(p.slug()).isEqualTo("forbidden");
                });
    }

    @Test
    void onlyAnOperatorReadsOrLiftsABlock() {
        for (Caller caller : new Caller[] {Caller.platform("p1"), Caller.retailer("r1")}) {
            assertThatThrownBy(() -> controller.block(caller, "r1"))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.slug())
                            .isEqualTo("operator-only"));
            assertThatThrownBy(() -> controller.unblock(caller, "r1"))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status())
                            .isEqualTo(403));
        }
    }
}
