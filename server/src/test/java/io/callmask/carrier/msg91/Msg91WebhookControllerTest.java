package io.callmask.carrier.msg91;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.web.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** The unsigned webhook's two guards, which act before anything is read or stored. */
class Msg91WebhookControllerTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String BODY = "{\"uuid\":\"abc123\",\"CRQID\":\"call_0123456789abcdef01234567\","
            + "\"status\":\"Completed\",\"duration\":\"5\"}";

    private static Msg91WebhookController controller(List<String> sources) {
        // no flow and no call service: a refused report must never reach them
        return new Msg91WebhookController(new Msg91Properties("k", SECRET, sources, null), null, null,
                JsonMapper.builder().build());
    }

    @Test
    void aWrongSecretIsAnOrdinaryNotFound() {
        for (String guess : new String[] {SECRET + "0", SECRET.substring(1), SECRET.toUpperCase(), ""}) {
            assertThatThrownBy(() -> controller(List.of()).report(guess, BODY, new MockHttpServletRequest()))
                    .isInstanceOf(Problem.class).extracting("slug").isEqualTo("not-found");
        }
    }

    @Test
    void aReportFromAnAddressOutsideTheAllowListIsForbidden() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.9");
        assertThatThrownBy(() -> controller(List.of("198.51.100.7", " 198.51.100.8 ")).report(SECRET, BODY, request))
                .isInstanceOf(Problem.class).extracting("slug").isEqualTo("source-not-allowed");
    }
}
