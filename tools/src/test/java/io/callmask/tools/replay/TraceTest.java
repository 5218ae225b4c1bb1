package io.callmask.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceTest {

    private static final String HEADER = "open_s,close_s,reference,retailer_number,customer_number\n";
    private static final String GOOD = "0,1800,ORD-1,+919876543210,+918765432109\n";

    private final Trace small = new Trace(List.of(
            new TraceRow(0, 1800, "ORD-1", "+919876543210", "+918765432109"),
            new TraceRow(60, 86_400, "ORD-2", "+919876543210", "+447700900123")));

    @Test
    void writesTheHeaderAndOnePlainLinePerRow() {
        assertThat(small.toCsv()).isEqualTo(HEADER
                + "0,1800,ORD-1,+919876543210,+918765432109\n"
                + "60,86400,ORD-2,+919876543210,+447700900123\n");
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        assertThat(Trace.read(new StringReader(small.toCsv()))).isEqualTo(small);
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trace.csv");
        small.write(file);
        assertThat(Trace.read(file)).isEqualTo(small);
    }

    @Test
    void streamsRowsInFileOrder() throws IOException {
        List<TraceRow> seen = new ArrayList<>();
        Trace.forEachRow(new StringReader(small.toCsv()), seen::add);
        assertThat(seen).isEqualTo(small.rows());
    }

    @Test
    void toleratesWindowsLineEndingsAByteOrderMarkAndBlankLines() throws IOException {
        String csv = "\uFEFF" + HEADER.replace("\n", "\r\n") + "\r\n" + GOOD.replace("\n", "\r\n") + "\n\n";
        assertThat(Trace.read(new StringReader(csv)).rows())
                .containsExactly(new TraceRow(0, 1800, "ORD-1", "+919876543210", "+918765432109"));
    }

    @Test
    void anEmptyFileLacksItsHeader() {
        assertThatThrownBy(() -> Trace.read(new StringReader("")))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("line 1: the file is empty");
    }

    @Test
    void aWrongHeaderIsLineOne() {
        assertThatThrownBy(() -> Trace.read(new StringReader("open,close,ref,retailer,customer\n" + GOOD)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("line 1: the header must be exactly '" + HEADER.strip() + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "0,1800,ORD-9,+919876543210                          | expected 5 comma-separated columns, found 4",
        "0,1800,ORD-9,+919876543210,+918765432109,x          | expected 5 comma-separated columns, found 6",
        "x,1800,ORD-9,+919876543210,+918765432109            | open_s is not a non-negative whole number of seconds",
        "-5,1800,ORD-9,+919876543210,+918765432109           | open_s is not a non-negative whole number of seconds",
        "+919876543210,1800,ORD-9,+919876543210,+918765432109 | open_s is not a non-negative whole number of seconds",
        "0,18.5,ORD-9,+919876543210,+918765432109            | close_s is not a non-negative whole number of seconds",
        "0,,ORD-9,+919876543210,+918765432109                | close_s is not a non-negative whole number of seconds",
        "1800,1800,ORD-9,+919876543210,+918765432109         | close_s must be greater than open_s",
        "1800,60,ORD-9,+919876543210,+918765432109           | close_s must be greater than open_s",
        "0,1800,,+919876543210,+918765432109                 | reference is empty",
        "0,1800,ORD\"9,+919876543210,+918765432109           | reference contains a comma, a quote or a line break",
        "0,1800,ORD-9,919876543210,+918765432109             | retailer_number is not an E.164 number ('+' then 7 to 15 digits)",
        "0,1800,ORD-9,+0919876543210,+918765432109           | retailer_number is not an E.164 number ('+' then 7 to 15 digits)",
        "0,1800,ORD-9,+919876543210,+918765                  | customer_number is not an E.164 number ('+' then 7 to 15 digits)",
        "0,1800,ORD-9,+919876543210,+91876543210987654       | customer_number is not an E.164 number ('+' then 7 to 15 digits)",
        "0,1800,ORD-9,+919876543210, +918765432109           | customer_number is not an E.164 number ('+' then 7 to 15 digits)",
        "0,1800,ORD-9,+919876543210,+919876543210            | retailer_number and customer_number are the same number",
    })
    void aBadRowNamesItsLineAndProblemButNeverTheNumber(String badLine, String problem) {
        String csv = HEADER + GOOD + "\n" + badLine.strip() + "\n" + GOOD;
        assertThatThrownBy(() -> Trace.read(new StringReader(csv)))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessage("line 4: " + problem)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("9876543210", "8765432109", "918765", "8765432109876"));
    }

    @Test
    void aRowPrintsWithItsNumbersHidden() {
        assertThat(small.rows().get(0).toString()).isEqualTo(
                "TraceRow[openS=0, closeS=1800, reference=ORD-1, retailerNumber=+91•••••••210, customerNumber=+91•••••••109]");
    }
}
