package io.callmask.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request line with {@code <}, {@code {} or {@code %00}, an encoded
 * slash, a malformed percent-escape: refused before any servlet runs) in problem+json instead of
 * Tomcat's HTML page, so that every 4xx a client sees from us has the same shape. Only a status
 * without a body yet is reported; what Spring already wrote stays as it is.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status >= 500 ? "Something went wrong on our side; nothing was changed by this request."
                : "The request could not be read.";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + ProblemTypes.PREFIX + "http-" + status + "\",\"title\":\"" + title
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing to tell
        }
    }
}
