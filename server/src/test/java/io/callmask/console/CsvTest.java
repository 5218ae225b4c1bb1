package io.callmask.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasStartWithAnApostrophe() {
        assertThat(Csv.line(List.of("=1+2", "+91 98•••••210", "-3", "@SUM(A1)", "\tx", "\rx", "plain", "")))
                .isEqualTo("'=1+2,'+91 98•••••210,'-3,'@SUM(A1),'\tx,\"'\rx\",plain,\r\n");
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertThat(Csv.line(Arrays.asList("a,b", "say \"hi\"", "two\nlines", null)))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
        assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    }
}
