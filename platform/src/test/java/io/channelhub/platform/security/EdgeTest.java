package io.channelhub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.security.RawHttp.Answer;
import io.channelhub.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 18: the edge holds however a request is sent. Bodies are limited on the bytes read, chunked or not, and
 * every refusal from the container up (Tomcat, Spring Security's firewall, the error page, Spring MVC) is an RFC
 * 9457 problem with a stable code, one line on the edge log and no stack trace. A service of its own, so the
 * edge is tested as every service gets it (the platform's auto-configuration), on a real Tomcat.
 */
@SpringBootTest(classes = EdgeTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"channelhub.service-name=edge-test", "spring.kafka.admin.auto-create=false",
                "channelhub.security.public-paths=/links/**"})
@ExtendWith(OutputCaptureExtension.class)
class EdgeTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Things.class)
    static class App {
    }

    /** Endpoints shaped like the services': ids in the path, an id parameter, a public link, one body reader. */
    @RestController
    static class Things {

        @GetMapping("/things/{thingId}")
        Map<String, String> thing(@PathVariable String thingId, Caller caller) {
            return Map.of("thingId", thingId, "kind", caller.kind().claim());
        }

        @GetMapping("/things")
        Map<String, String> byOwner(@RequestParam String ownerId, Caller caller) {
            return Map.of("ownerId", ownerId);
        }

        @PostMapping("/links/{token}")
        String link(@PathVariable String token) {
            return "submitted";
        }

        @PostMapping("/links/{token}/note")
        String note(@PathVariable String token, @RequestBody String note) {
            return "noted " + note.length();
        }
    }

    private static final int MB = 1024 * 1024;

    @LocalServerPort
    int port;

    // issue 18: a chunked body skips no limit; 10 MB of form is refused after 16 KB, with no stack trace
    @Test
    void aChunkedFormOverTheLimitIsA413(CapturedOutput output) throws Exception {
        byte[] chunk = "a=".concat("x".repeat(8190)).getBytes(StandardCharsets.US_ASCII);

        Answer answer = RawHttp.send(port, form("/links/abc", "Transfer-Encoding: chunked"),
                RawHttp.chunked(chunk, 10 * MB / chunk.length));

        assertProblem(answer, 413, "BODY_TOO_LARGE");
        assertThat(answer.head()).contains("connection: close");
        assertNothingButTheEdgeLine(output, "413 BODY_TOO_LARGE POST /links/…");
    }

    // issue 18: 400,000 parameters sent chunked: refused as too large before Tomcat counts them
    @Test
    void fourHundredThousandChunkedParametersAreA413(CapturedOutput output) throws Exception {
        byte[] chunk = "a=1&".repeat(1000).getBytes(StandardCharsets.US_ASCII);

        Answer answer = RawHttp.send(port, form("/links/abc", "Transfer-Encoding: chunked"),
                RawHttp.chunked(chunk, 400));

        assertProblem(answer, 413, "BODY_TOO_LARGE");
        assertNothingButTheEdgeLine(output, "413 BODY_TOO_LARGE POST /links/…");
    }

    @Test
    void aLengthOverTheLimitIsA413BeforeTheBodyIsRead() throws Exception {
        byte[] body = ("a=" + "x".repeat(20_000)).getBytes(StandardCharsets.US_ASCII);

        Answer answer = RawHttp.send(port, form("/links/abc", "Content-Length: " + body.length),
                out -> out.write(body));

        assertProblem(answer, 413, "BODY_TOO_LARGE");
    }

    // more parameters than Tomcat's max-parameter-count, within the size limit
    @Test
    void tooManyParametersAreA400(CapturedOutput output) throws Exception {
        String params = IntStream.range(0, 500).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
        byte[] body = params.getBytes(StandardCharsets.US_ASCII);

        Answer answer = RawHttp.send(port, form("/links/abc", "Transfer-Encoding: chunked"),
                RawHttp.chunked(body, 1));

        assertProblem(answer, 400, "MALFORMED_PARAMETERS");
        assertNothingButTheEdgeLine(output, "400 MALFORMED_PARAMETERS POST /links/…");
    }

    // a body read as a stream (not a form) is counted as it is read
    @Test
    void aChunkedBodyReadByAnEndpointStopsAtTheLimit(CapturedOutput output) throws Exception {
        byte[] chunk = "x".repeat(4096).getBytes(StandardCharsets.US_ASCII);

        Answer within = RawHttp.send(port, post("/links/abc/note", "text/plain", "Transfer-Encoding: chunked"),
                RawHttp.chunked(chunk, 2));
        Answer over = RawHttp.send(port, post("/links/abc/note", "text/plain", "Transfer-Encoding: chunked"),
                RawHttp.chunked(chunk, 256));

        assertThat(within.status()).isEqualTo(200);
        assertThat(within.body()).contains("noted 8192");
        assertProblem(over, 413, "BODY_TOO_LARGE");
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("Exception");
    }

    // issue 18: what Tomcat refuses before any servlet runs is a problem, not its HTML page
    @Test
    void malformedPathsAndHeadersAreProblems(CapturedOutput output) throws Exception {
        String token = TestTokens.bearer(PartyKind.ISV, "isv-1");
        assertProblem(RawHttp.get(port, "/things/a%2Fb", "Authorization: " + token), 400, "MALFORMED_REQUEST");
        assertProblem(RawHttp.get(port, "/things/%2e%2e%2fthings", "Authorization: " + token), 400,
                "MALFORMED_REQUEST");
        assertProblem(RawHttp.get(port, "/things/a%00b", "Authorization: " + token), 400, "MALFORMED_REQUEST");
        assertProblem(RawHttp.get(port, "/things/%zz", "Authorization: " + token), 400, "MALFORMED_REQUEST");
        assertProblem(RawHttp.get(port, "/things/" + "a".repeat(10_000), "Authorization: " + token), 400,
                "MALFORMED_REQUEST");
        assertProblem(RawHttp.get(port, "/things/isv-1", "Authorization: " + token, "X-Big: " + "b".repeat(20_000)),
                400, "MALFORMED_REQUEST");
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("Exception").doesNotContain("<html");
    }

    // issue 18: what the firewall and the error page answer is a problem, not Spring's default error JSON
    @Test
    void firewallAndErrorPageRefusalsAreProblems(CapturedOutput output) throws Exception {
        String token = TestTokens.bearer(PartyKind.ISV, "isv-1");
        assertProblem(RawHttp.get(port, "/things/isv-1;jsessionid=abc", "Authorization: " + token), 400,
                "MALFORMED_REQUEST");
        assertProblem(RawHttp.get(port, "/things/../things/isv-1", "Authorization: " + token), 400,
                "MALFORMED_REQUEST");
        assertProblem(RawHttp.send(port, "TRACE /things/isv-1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: " + token + "\r\n\r\n", out -> { }), 405, "METHOD_NOT_ALLOWED");
        assertProblem(RawHttp.get(port, "/nothing/here", "Authorization: " + token), 404, "NOT_FOUND");
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("Exception")
                .doesNotContain("\"timestamp\"");
    }

    // issue 18: a missing parameter has a code; a repeated one is refused, not joined into "a,b"
    @Test
    void missingAndRepeatedParametersAreA400WithACode() throws Exception {
        String token = TestTokens.bearer(PartyKind.ISV, "isv-1");
        assertProblem(RawHttp.get(port, "/things", "Authorization: " + token), 400, "MISSING_PARAMETER");
        assertProblem(RawHttp.get(port, "/things?ownerId=a&ownerId=b", "Authorization: " + token), 400,
                "REPEATED_PARAMETER");
        Answer once = RawHttp.get(port, "/things?ownerId=a", "Authorization: " + token);
        assertThat(once.status()).isEqualTo(200);
        assertThat(once.body()).contains("\"ownerId\":\"a\"");
    }

    // issue 18: a token of the trusted key is taken only with the configured iss and aud, an exp, and party_kind
    // exactly as written
    @Test
    void aTokenNeedsItsIssuerAudienceExpiryAndAnExactKind() throws Exception {
        assertThat(asIsv(TestTokens.token(PartyKind.ISV, "isv-1")).status()).isEqualTo(200);

        assertInvalid(TestTokens.altered(PartyKind.ISV, "isv-1", c -> c.audience(List.of("someone-else"))));
        assertInvalid(TestTokens.altered(PartyKind.ISV, "isv-1", c -> c.claims(m -> m.remove(JwtClaimNames.AUD))));
        assertInvalid(TestTokens.altered(PartyKind.ISV, "isv-1", c -> c.issuer("https://evil.example")));
        assertInvalid(TestTokens.altered(PartyKind.ISV, "isv-1", c -> c.claims(m -> m.remove(JwtClaimNames.ISS))));
        assertInvalid(TestTokens.altered(PartyKind.ISV, "isv-1", c -> c.claims(m -> m.remove(JwtClaimNames.EXP))));
        assertInvalid(TestTokens.altered(PartyKind.ISV, "isv-1", c -> c.claim(CallerAuthentication.KIND_CLAIM,
                "ISV")));
        assertInvalid(TestTokens.altered(PartyKind.ISV, "isv-1", c -> c.claim(CallerAuthentication.KIND_CLAIM,
                " isv")));
        // the clock skew is bounded (30 s): a token expired a minute ago is refused, 10 s ago still taken
        assertInvalid(expiredSecondsAgo(60));
        assertThat(asIsv(expiredSecondsAgo(10)).status()).isEqualTo(200);
    }

    private static String expiredSecondsAgo(int seconds) {
        Instant issued = Instant.now().minusSeconds(600);
        return TestTokens.altered(PartyKind.ISV, "isv-1", c -> c.issuedAt(issued).notBefore(issued)
                .expiresAt(Instant.now().minusSeconds(seconds)));
    }

    private Answer asIsv(String token) throws Exception {
        return RawHttp.get(port, "/things/isv-1", "Authorization: Bearer " + token);
    }

    private void assertInvalid(String token) throws Exception {
        Answer answer = asIsv(token);
        assertProblem(answer, 401, "INVALID_TOKEN");
        assertThat(answer.head()).contains("www-authenticate: bearer error=\"invalid_token\"");
    }

    private static String form(String path, String framing) {
        return post(path, "application/x-www-form-urlencoded", framing);
    }

    private static String post(String path, String contentType, String framing) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: " + contentType
                + "\r\n" + framing + "\r\n\r\n";
    }

    static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.head() + "\n" + answer.body()).isEqualTo(status);
        assertThat(answer.head()).contains("content-type: application/problem+json");
        assertThat(answer.body()).contains("\"status\":" + status).contains("\"code\":\"" + code + "\"");
    }

    /** The refusal's one edge line, and no ERROR, stack trace or container log line of its own. */
    private static void assertNothingButTheEdgeLine(CapturedOutput output, String line) {
        assertThat(output.getAll()).contains(line).doesNotContain(" ERROR ").doesNotContain("Exception")
                .doesNotContain("org.apache.tomcat").doesNotContain("org.apache.catalina")
                .doesNotContain("org.apache.coyote");
    }
}
