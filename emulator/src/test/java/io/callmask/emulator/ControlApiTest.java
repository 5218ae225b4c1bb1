package io.callmask.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The control API's contract for people and tests driving the emulator, including its refusals. */
class ControlApiTest extends EmulatorHttpTestBase {

    @Test
    void phoneBehaviourIsSetAndReadWithEncodedOrLiteralPlus() {
        var put = control.put("/emulator/phones/%2B919800000041",
                "{\"answer\":\"auto\",\"answerAfterSeconds\":0.5,\"hangupAfterSeconds\":3,\"pendingDigits\":null}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json()).isEqualTo(json("""
                {"number":"+919800000041","answer":"auto","answerAfterSeconds":0.5,"hangupAfterSeconds":3.0,
                 "pendingDigits":null,"state":"idle","current":null,"calls":[]}"""));
        assertThat(control.get("/emulator/phones/+919800000041").json()).isEqualTo(put.json());
    }

    @Test
    void browsersGetJsonToo() {
        var reply = control.get("/emulator/phones/+919800000042",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
    }

    @Test
    void invalidNumberIsABadRequestProblem() {
        var reply = control.get("/emulator/phones/12345");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json()).isEqualTo(json("""
                {"type":"https://callmask.io/problems/emulator/bad-request","title":"Bad request","status":400,
                 "detail":"phone number must be an E.164 number: '+', the country code, then the number",
                 "instance":"/emulator/phones/12345"}"""));
    }

    @Test
    void unknownAnswerModeAndMalformedJsonAreBadRequests() {
        var mode = control.put("/emulator/phones/+919800000043", "{\"answer\":\"sometimes\"}");
        assertThat(mode.status()).isEqualTo(400);
        assertThat(mode.json().get("detail").asString())
                .isEqualTo("answer must be one of manual, auto, busy, no-answer, fail, was 'sometimes'");

        var malformed = control.put("/emulator/phones/+919800000043", "{\"answer\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).isEqualTo("application/problem+json");

        var badDigits = control.post("/emulator/numbers", "{\"number\":\"+918000000040\",\"voiceUrl\":\"not a url\"}");
        assertThat(badDigits.status()).isEqualTo(400);
    }

    @Test
    void unknownCallIsNotFoundAndAnsweringASilentPhoneIsAConflict() {
        var missing = control.get("/emulator/calls/CA00000000000000000000000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("https://callmask.io/problems/emulator/not-found");

        var conflict = control.post("/emulator/phones/+919800000044/answer", null);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("detail").asString()).isEqualTo("the phone is not ringing");
    }

    @Test
    void numbersAreListedAndPhonesCleared() {
        control.post("/emulator/numbers", "{\"number\":\"+918000000045\",\"voiceUrl\":\"http://localhost/x\"}");
        assertThat(control.get("/emulator/numbers").json().valueStream()
                .map(n -> n.get("number").asString())).contains("+918000000045");

        control.put("/emulator/phones/+919800000046", "{\"answer\":\"busy\"}");
        assertThat(control.delete("/emulator/phones").status()).isEqualTo(200);
        assertThat(control.phone("+919800000046").get("answer").asString()).isEqualTo("manual");
    }
}
