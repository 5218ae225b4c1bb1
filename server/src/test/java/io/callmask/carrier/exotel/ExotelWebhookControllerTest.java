package io.callmask.carrier.exotel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.web.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** The guards of Exotel's unsigned URLs, which act before anything is read, routed or stored. */
class ExotelWebhookControllerTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String BODY = "{\"CallSid\":\"c57\",\"Status\":\"completed\","
            + "\"CustomField\":\"call_0123456789abcdef01234567\"}";

    private static ExotelWebhookController controller(List<String> sources) {
        // no carrier, flow or call service: a refused request must never reach them
        return new ExotelWebhookController(new ExotelProperties("sid", "k", "t", null, SECRET, sources), null, null,
                null, null, JsonMapper.builder().build());
    }

    private static MockHttpServletRequest applet() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setParameter("CallSid", "e0a1b2c3d4e5f60718293a4b5c6d7e8f");
        request.setParameter("CallFrom", "09876543210");
        request.setParameter("CallTo", "08047180001");
        request.setParameter("CallType", "completed");
        return request;
    }

    @Test
    void aWrongSecretIsAnOrdinaryNotFoundOnEveryUrl() {
        var c = controller(List.of());
        for (String guess : new String[] {SECRET + "0", SECRET.substring(1), SECRET.toUpperCase(), ""}) {
            assertThatThrownBy(() -> c.connect(guess, applet())).isInstanceOf(Problem.class)
                    .extracting("slug").isEqualTo("not-found");
            assertThatThrownBy(() -> c.dialEnded(guess, applet())).extracting("slug").isEqualTo("not-found");
            assertThatThrownBy(() -> c.greeting(guess, applet())).extracting("slug").isEqualTo("not-found");
            assertThatThrownBy(() -> c.status(guess, BODY, applet())).extracting("slug").isEqualTo("not-found");
        }
    }

    @Test
    void aRequestFromAnAddressOutsideTheAllowListIsForbidden() {
        MockHttpServletRequest request = applet();
        request.setRemoteAddr("203.0.113.9");
        var c = controller(List.of("198.51.100.7", " 198.51.100.8 "));
        assertThatThrownBy(() -> c.connect(SECRET, request)).isInstanceOf(Problem.class)
                .extracting("slug").isEqualTo("source-not-allowed");
        assertThatThrownBy(() -> c.status(SECRET, BODY, request)).extracting("slug").isEqualTo("source-not-allowed");
    }
}
