package io.callmask.carrier.msg91;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.core.call.LegStatus;
import io.callmask.web.Problem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class Msg91ReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every placeholder of MSG91's help page, filled as its template writes them (all strings). */
    private static final String FULL = """
            {"uuid":"8ee1c0bcd7664939a3c92359b3328272","CRQID":"call_0123456789abcdef01234567",
             "requestedAt":"2025-07-14 09:23:27","status":"Completed","duration":"42","charged":"0.40",
             "startTime":"2025-07-14 09:23:30","endTime":"2025-07-14 09:24:12","destination":"919876543210",
             "type":"ctc","ivrInputs":"","callerId":"918047180001","agentId":"","destinationB":"919812345678",
             "failureReason":"","direction":"outbound","agentName":"","source":"API"}""";

    @Test
    void aCompletedReportWithATalkTimeWasBridgedAndNamesBothLegs() {
        Msg91Report report = Msg91Report.of(JSON.readTree(FULL));
        assertThat(report).isEqualTo(new Msg91Report("call_0123456789abcdef01234567",
                "8ee1c0bcd7664939a3c92359b3328272", LegStatus.COMPLETED, 42));
        assertThat(report.bridged()).isTrue();
        assertThat(report.calleeLeg()).isEqualTo("8ee1c0bcd7664939a3c92359b3328272:b");
    }

    @Test
    void aCompletedReportWithoutTalkTimeWasNotBridged() {
        Msg91Report report = Msg91Report.of(JSON.readTree(FULL.replace("\"42\"", "\"0\"")));
        assertThat(report.bridged()).isFalse();
        assertThat(Msg91Report.of(JSON.readTree(FULL.replace("\"42\"", "\"\""))).duration()).isNull();
    }

    @Test
    void msg91sStatusWordsMapOntoLegStatusesWhateverTheirCase() {
        assertThat(Msg91Report.status("Queued")).isEqualTo(LegStatus.QUEUED);
        assertThat(Msg91Report.status("Ringing")).isEqualTo(LegStatus.RINGING);
        assertThat(Msg91Report.status("COMPLETED")).isEqualTo(LegStatus.COMPLETED);
        assertThat(Msg91Report.status("delivered")).isEqualTo(LegStatus.COMPLETED);
        assertThat(Msg91Report.status("Busy")).isEqualTo(LegStatus.BUSY);
        assertThat(Msg91Report.status("No-Answer")).isEqualTo(LegStatus.NO_ANSWER);
        assertThat(Msg91Report.status("no answer")).isEqualTo(LegStatus.NO_ANSWER);
        assertThat(Msg91Report.status("Cancelled")).isEqualTo(LegStatus.CANCELED);
        assertThat(Msg91Report.status("Failed")).isEqualTo(LegStatus.FAILED);
        assertThat(Msg91Report.status("Balance")).isEqualTo(LegStatus.FAILED);
    }

    @Test
    void anUnknownStatusWordIsRefused() {
        assertThatThrownBy(() -> Msg91Report.status("answered-maybe")).isInstanceOf(Problem.class)
                .extracting("slug").isEqualTo("unknown-call-status");
    }

    @Test
    void aReportWithoutOurCallIdOrMsg91sIdIsRefused() {
        assertThatThrownBy(() -> Msg91Report.of(JSON.readTree(FULL.replace("\"CRQID\"", "\"crqid\""))))
                .isInstanceOf(Problem.class).extracting("slug").isEqualTo("unknown-field");
        assertThatThrownBy(() -> Msg91Report.of(JSON.readTree("{\"uuid\":\"abc123\",\"status\":\"Busy\"}")))
                .isInstanceOf(Problem.class).extracting("slug").isEqualTo("missing-parameter");
        assertThatThrownBy(() -> Msg91Report.of(JSON.readTree(
                "{\"uuid\":\"\",\"CRQID\":\"call_0123456789abcdef01234567\",\"status\":\"Busy\"}")))
                .isInstanceOf(Problem.class).extracting("slug").isEqualTo("empty-parameter");
    }

    @Test
    void aNegativeOrNonNumericDurationOrANonObjectBodyIsRefused() {
        assertThatThrownBy(() -> Msg91Report.of(JSON.readTree(FULL.replace("\"42\"", "\"-3\""))))
                .isInstanceOf(Problem.class).extracting("slug").isEqualTo("invalid-parameter");
        assertThatThrownBy(() -> Msg91Report.of(JSON.readTree(FULL.replace("\"42\"", "\"4 2 s\""))))
                .isInstanceOf(Problem.class).extracting("slug").isEqualTo("invalid-parameter");
        assertThatThrownBy(() -> Msg91Report.of(JSON.readTree("[1]"))).isInstanceOf(Problem.class)
                .extracting("slug").isEqualTo("invalid-report");
        assertThatThrownBy(() -> Msg91Report.of(JSON.readTree(FULL.replace("\"Completed\"", "{\"a\":1}"))))
                .isInstanceOf(Problem.class).extracting("slug").isEqualTo("invalid-parameter");
    }
}
