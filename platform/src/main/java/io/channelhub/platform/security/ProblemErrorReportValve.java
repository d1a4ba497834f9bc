package io.channelhub.platform.security;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * The container's own error report (Tomcat's HTML page) as an RFC 9457 problem: what Tomcat refuses before any
 * servlet runs (an encoded slash, {@code %00}, a bad %-escape, a request line or header over
 * {@code server.max-http-request-header-size}) reaches no Spring handler, only this. Installed as the host's
 * error report valve ({@link ChannelHubSecurityAutoConfiguration}).
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own: only errors, only once, never over a body already written
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is already broken
        }
        try {
            EdgeLog.refused(request, status, HttpProblems.code(status));
            // the container's texts are ASCII: no charset parameter, as every other problem
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(HttpProblems.json(status, HttpProblems.code(status), HttpProblems.title(status),
                        HttpProblems.detail(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response was committed meanwhile: nothing left to tell it
        }
    }
}
