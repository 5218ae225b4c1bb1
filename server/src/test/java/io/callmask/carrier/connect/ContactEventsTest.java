package io.callmask.carrier.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.core.call.LegStatus;
import io.callmask.web.Problem;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Contact events (EventBridge "Amazon Connect Contact Event") as leg reports. */
class ContactEventsTest {

    private static final String INSTANCE = "11111111-2222-3333-4444-555555555555";
    private static final String CONTACT = "a1b2c3d4-0000-1111-2222-333344445555";
    private static final String PREVIOUS = "99999999-0000-1111-2222-333344445555";

    private static Optional<ContactEvents.Report> read(String detail) {
        return ContactEvents.read(JsonMapper.builder().build().readTree("""
                {"version":"0","id":"e1","detail-type":"Amazon Connect Contact Event","source":"aws.connect",
                 "account":"123456789012","time":"2026-11-25T10:00:00Z","region":"ap-south-1","resources":[],
                 "detail":{"instanceArn":"arn:aws:connect:ap-south-1:123456789012:instance/%s","channel":"VOICE",
                           "contactId":"%s",%s}}""".formatted(INSTANCE, CONTACT, detail)), INSTANCE);
    }

    @Test
    void initiatedRingsAndConnectedToSystemIsAnswered() {
        assertThat(read("\"eventType\":\"INITIATED\",\"initiationMethod\":\"API\"")).contains(
                new ContactEvents.Report(CONTACT, null, LegStatus.RINGING, null));
        assertThat(read("\"eventType\":\"CONNECTED_TO_SYSTEM\",\"initiationMethod\":\"OUTBOUND\"")).contains(
                new ContactEvents.Report(CONTACT, null, LegStatus.IN_PROGRESS, null));
    }

    @Test
    void disconnectedAfterMediaCompletesWithTheTalkTime() {
        assertThat(read("""
                "eventType":"DISCONNECTED","initiationMethod":"OUTBOUND",
                "connectedToSystemTimestamp":"2026-11-25T10:00:03Z","disconnectTimestamp":"2026-11-25T10:00:45Z\"""")).contains(
                new ContactEvents.Report(CONTACT, null, LegStatus.COMPLETED, 42));
    }

    @Test
    void aFirstLegDisconnectedWithoutMediaWasNotAnswered() {
        assertThat(read("\"eventType\":\"DISCONNECTED\",\"initiationMethod\":\"OUTBOUND\","
                + "\"disconnectTimestamp\":\"2026-11-25T10:01:00Z\"")).contains(
                new ContactEvents.Report(CONTACT, null, LegStatus.NO_ANSWER, 0));
    }

    @Test
    void aTransferredContactIsTheCalleeAndItsUnansweredEndIsLeftToTheFlow() {
        assertThat(read("\"eventType\":\"CONNECTED_TO_SYSTEM\",\"initiationMethod\":\"TRANSFER\","
                + "\"previousContactId\":\"" + PREVIOUS + "\"")).contains(
                new ContactEvents.Report(CONTACT, PREVIOUS, LegStatus.IN_PROGRESS, null));
        assertThat(read("\"eventType\":\"DISCONNECTED\",\"initiationMethod\":\"TRANSFER\","
                + "\"previousContactId\":\"" + PREVIOUS + "\",\"disconnectTimestamp\":\"2026-11-25T10:01:00Z\""))
                .isEmpty();
    }

    @Test
    void otherTypesChannelsAndInstancesAreIgnored() {
        assertThat(read("\"eventType\":\"QUEUED\",\"initiationMethod\":\"INBOUND\"")).isEmpty();
        assertThat(read("\"eventType\":\"SOMETHING_NEW\"")).isEmpty();
        assertThat(ContactEvents.read(JsonMapper.builder().build().readTree("""
                {"detail-type":"Amazon Connect Contact Event","source":"aws.connect","detail":{"eventType":"INITIATED",
                 "instanceArn":"arn:aws:connect:ap-south-1:123456789012:instance/other","channel":"VOICE",
                 "contactId":"%s"}}""".formatted(CONTACT)), INSTANCE)).isEmpty();
    }

    @Test
    void aBodyThatIsNoContactEventIsRefused() {
        assertThatThrownBy(() -> ContactEvents.read(JsonMapper.builder().build().readTree(
                "{\"source\":\"aws.ec2\",\"detail-type\":\"EC2 Instance State-change Notification\"}"), INSTANCE))
                .isInstanceOf(Problem.class);
        assertThatThrownBy(() -> read("\"eventType\":\"DISCONNECTED\",\"connectedToSystemTimestamp\":\"yesterday\""))
                .isInstanceOf(Problem.class);
    }
}
