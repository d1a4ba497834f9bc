package io.channelhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.channelhub.localstack.broker.KraftBroker;
import io.channelhub.localstack.demo.DemoScenario;
import io.channelhub.localstack.mail.MailViewer;
import io.channelhub.localstack.mail.SmtpServer;
import io.channelhub.localstack.services.HealthCheck;
import io.channelhub.localstack.services.RunningService;
import io.channelhub.localstack.services.Services;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 23: the demo as {@code ./run-local-stack.sh --demo} plays it, on a stack of its own put together as
 * {@link LocalStack} does (KRaft broker, SMTP and mail viewer, the four services with the data directory's approval
 * key and token issuer), on free ports; schemas in the module tests' in-memory registry (D-113). Then every line of
 * the summary it printed is used as a reader would paste it.
 */
class DemoRunTest {

    /** A summary row: a name padded to 24 characters, then the value (DemoSummary's layout). */
    private static final int VALUE_COLUMN = 25;
    private static final Pattern CURL = Pattern.compile("curl -s -H \"Authorization: Bearer \\$\\(\\./run-local-stack"
            + "\\.sh (token .+?)\\)\" '(http://[^' ]+)'( -o \\S+\\.pdf)?");
    private static final Pattern URL = Pattern.compile("http://\\S+");
    /** A deadline as e-mails state it: "before 2026-12-01" or "before\n2026-12-06 10:15 UTC". */
    private static final Pattern DEADLINE = Pattern.compile(
            "before\\s+(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{2}:\\d{2})(?::\\d{2})?(?: UTC|Z)?)?");

    @TempDir
    static Path tempDir;

    private static final ShutdownSequence STACK = new ShutdownSequence();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static GreenMail smtp;
    private static Path dataDir;
    private static List<String> printed;

    @BeforeAll
    static void playTheDemo() throws Exception {
        long start = System.nanoTime();
        dataDir = tempDir.resolve("data");
        DataDirectory data = DataDirectory.prepare(dataDir, false);
        KraftBroker broker = KraftBroker.start(data.kafka(), Ports.free(), Ports.free());
        STACK.add("Kafka broker", broker);
        long brokerUp = System.nanoTime();
        smtp = SmtpServer.start(Ports.free());
        STACK.add("SMTP server", smtp::stop);
        MailViewer viewer = MailViewer.start(smtp, Ports.free());
        STACK.add("mail viewer", viewer);
        Map<String, Integer> ports = new LinkedHashMap<>();
        Services.ports(1, 0).keySet().forEach(service -> ports.put(service, Ports.free()));
        List<RunningService> services = Services.start(new Services.Settings(broker.bootstrapServers(),
                smtp.getSmtp().getPort(), data, Duration.ofSeconds(5), ports),
                service -> STACK.add(service.name(), service.context()));
        assertThat(HealthCheck.awaitUp(services, Duration.ofSeconds(180))).isEmpty();
        long demo = System.nanoTime();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DemoScenario(broker.bootstrapServers(), smtp, new PrintStream(out, true, StandardCharsets.UTF_8), false)
                .play(LocalStack.demoLinks(viewer.url(), ports, dataDir, data));
        long demoMillis = Duration.ofNanos(System.nanoTime() - demo).toMillis();
        String output = out.toString(StandardCharsets.UTF_8);
        System.out.printf("DemoRunTest: broker up in %d ms, the rest in %d ms, demo played in %d ms%n%s%n",
                Duration.ofNanos(brokerUp - start).toMillis(), Duration.ofNanos(demo - brokerUp).toMillis(),
                demoMillis, output);
        printed = summary(output);
        // the invoice's e-mail leaves after the summary is printed (its own outbox): every test sees it
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Arrays.stream(smtp.getReceivedMessages()).noneMatch(DemoRunTest::hasAttachment)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        for (MimeMessage email : smtp.getReceivedMessages()) {
            System.out.printf("DemoRunTest: e-mail to %s sent %s: %s%n", email.getAllRecipients()[0],
                    email.getSentDate().toInstant(), email.getSubject());
        }
    }

    @AfterAll
    static void stop() {
        STACK.run();
    }

    @Test
    void everyUrlAndCommandTheSummaryPrintsAnswersAsPasted() throws Exception {
        int curls = 0;
        int urls = 0;
        int pdfs = 0;
        for (String line : printed) {
            String value = line.length() > VALUE_COLUMN ? line.substring(VALUE_COLUMN) : "";
            Matcher curl = CURL.matcher(value);
            if (curl.matches()) {
                HttpResponse<byte[]> response = get(curl.group(2), token(curl.group(1)));
                assertThat(response.statusCode()).as(line).isEqualTo(200);
                if (curl.group(3) != null) {
                    assertThat(new String(response.body(), 0, 5, StandardCharsets.ISO_8859_1)).as(line)
                            .isEqualTo("%PDF-");
                    pdfs++;
                }
                curls++;
                continue;
            }
            assertThat(value).as("a command the test does not know how to run: " + line).doesNotContain("curl");
            Matcher url = URL.matcher(value);
            while (url.find()) {
                assertThat(get(url.group(), null).statusCode()).as(line).isEqualTo(200);
                urls++;
            }
        }
        // the lines this test knows the demo prints: six protected views (one a PDF), the mail viewer, 4 x 2 probes
        assertThat(curls).isEqualTo(6);
        assertThat(pdfs).isEqualTo(1);
        assertThat(urls).isEqualTo(9);
    }

    @Test
    void noEmailAsksForAnAnswerByADeadlineAlreadyPastWhenItWasSent() throws Exception {
        List<String> deadlines = new ArrayList<>();
        for (MimeMessage email : smtp.getReceivedMessages()) {
            Instant sent = (email.getSentDate() != null ? email.getSentDate() : email.getReceivedDate()).toInstant();
            Matcher deadline = DEADLINE.matcher(text(email));
            while (deadline.find()) {
                Instant by = deadline.group(2) == null
                        ? LocalDate.parse(deadline.group(1)).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : LocalDateTime.parse(deadline.group(1) + "T" + deadline.group(2)).toInstant(ZoneOffset.UTC);
                assertThat(by).as("\"%s\" sent %s says %s", email.getSubject(), sent, deadline.group())
                        .isAfter(sent);
                deadlines.add(email.getSubject() + ": " + deadline.group());
            }
        }
        // the consent requests and the discount offer state one: the check above is not empty
        assertThat(deadlines).as("e-mails stating a deadline").hasSizeGreaterThanOrEqualTo(3);
    }

    /**
     * The e-mail line promises consent requests with approve/reject links, the discount offer with its accept link
     * and the invoice with its PDF attached: each e-mail's links open, and the viewer serves every e-mail and
     * attachment, the invoice's PDF among them.
     */
    @Test
    void theMailViewerHasWhatTheSummaryPromisesAndEveryLinkInAnEmailOpens() throws Exception {
        List<String> links = new ArrayList<>();
        for (MimeMessage email : smtp.getReceivedMessages()) {
            Matcher link = URL.matcher(text(email));
            while (link.find()) {
                assertThat(get(link.group(), null).statusCode()).as("%s in \"%s\"", link.group(), email.getSubject())
                        .isEqualTo(200);
                links.add(link.group());
            }
        }
        // a consent request's approve and reject links (transfer-service), the offer's accept link (discount-service)
        assertThat(links).anyMatch(l -> l.contains("/approvals/")).anyMatch(l -> l.contains("/acceptances/"));

        String viewer = printed.stream().filter(l -> l.startsWith("E-mail (")).findFirst().orElseThrow()
                .substring(VALUE_COLUMN).strip();
        HttpResponse<byte[]> list = get(viewer, null);
        assertThat(list.statusCode()).isEqualTo(200);
        int pdfs = 0;
        for (String message : hrefs(list, "/message/\\d+")) {
            HttpResponse<byte[]> page = get(URI.create(viewer).resolve(message).toString(), null);
            assertThat(page.statusCode()).as(message).isEqualTo(200);
            for (String attachment : hrefs(page, "/message/\\d+/attachment/\\d+")) {
                HttpResponse<byte[]> file = get(URI.create(viewer).resolve(attachment).toString(), null);
                assertThat(file.statusCode()).as(attachment).isEqualTo(200);
                if (file.headers().firstValue("Content-Type").orElse("").equals("application/pdf")) {
                    assertThat(new String(file.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
                    pdfs++;
                }
            }
        }
        assertThat(pdfs).as("PDFs attached to the e-mails in the viewer").isPositive();
    }

    private static List<String> hrefs(HttpResponse<byte[]> page, String path) {
        Matcher href = Pattern.compile("href=\"(" + path + ")\"").matcher(
                new String(page.body(), StandardCharsets.UTF_8));
        List<String> found = new ArrayList<>();
        while (href.find()) {
            found.add(href.group(1));
        }
        return found;
    }

    private static boolean hasAttachment(Part part) {
        try {
            if (part.getFileName() != null) {
                return true;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (hasAttachment(multipart.getBodyPart(i))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The block between the summary's rules. */
    private static List<String> summary(String output) {
        List<String> lines = Arrays.asList(output.split("\\R"));
        int first = lines.indexOf("=".repeat(100));
        int last = lines.lastIndexOf("=".repeat(100));
        assertThat(first).as("the demo printed its summary:%n%s", output).isNotNegative().isLessThan(last);
        return lines.subList(first + 1, last);
    }

    /** The printed token command run as the script runs it: LocalStack's command line, its output as $(...) takes it. */
    private static String token(String command) {
        StringWriter out = new StringWriter();
        int status = new CommandLine(new LocalStack()).setOut(new PrintWriter(out))
                .execute(command.split(" "));
        assertThat(status).as(command).isZero();
        return out.toString().strip();
    }

    private static HttpResponse<byte[]> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Every text/plain part of an e-mail (the HTML part says the same). */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part.getContent().toString();
        }
        StringBuilder text = new StringBuilder();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
        }
        return text.toString();
    }
}
