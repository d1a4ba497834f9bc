package io.channelhub.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.channelhub.localstack.Ports;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailViewerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private GreenMail greenMail;
    private MailViewer viewer;

    @BeforeEach
    void start() {
        greenMail = SmtpServer.start(Ports.free());
        viewer = MailViewer.start(greenMail, Ports.free());
    }

    @AfterEach
    void stop() {
        viewer.close();
        greenMail.stop();
    }

    @Test
    void listsReceivedMailNewestFirstWithEverythingEscaped() throws Exception {
        send("first@example.com", "Plain first", "just text", null);
        Thread.sleep(5); // distinct arrival times make "newest first" observable
        send("jane.doe@example.com", "Approve <script>alert(1)</script> & more", "Hello <Jane>",
                "<p>Hi <b>Jane</b></p><script>steal()</script>");

        HttpResponse<String> list = get("/");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(list.body())
                .contains("<meta http-equiv=\"refresh\" content=\"2\">")
                .contains("jane.doe@example.com")
                .contains("Approve &lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
                .doesNotContain("<script>");
        assertThat(list.body().indexOf("jane.doe@example.com")).isLessThan(list.body().indexOf("first@example.com"));
        assertThat(list.body()).contains("href=\"/message/2\"").contains("href=\"/message/1\"");
    }

    @Test
    void showsTextAndSandboxedHtmlBodyEscaped() throws Exception {
        send("jane.doe@example.com", "Your transfer", "Hello <Jane>",
                "<!DOCTYPE html><p>Hi <b>Jane</b></p><script>steal()</script>");

        HttpResponse<String> page = get("/message/1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Your transfer</h1>")
                .contains("<pre>Hello &lt;Jane&gt;</pre>")
                .contains("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\""
                        + "&lt;!DOCTYPE html&gt;&lt;base target=&quot;_blank&quot;&gt;")
                .contains("&lt;/style&gt;&lt;p&gt;Hi &lt;b&gt;Jane&lt;/b&gt;&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;")
                .doesNotContain("<script>")
                .doesNotContain("<b>Jane");
    }

    @Test
    void listsAttachmentsAndServesTheirBytesWithTypeAndFileName() throws Exception {
        // binary like every real PDF (the second line's marker bytes), so the bytes must come back untouched
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        String longLink = "https://localhost:8081/approvals/" + "x".repeat(300);
        sendWithAttachment("accounts@northwind.example", "Your invoice INV-2026-0001",
                "Your invoice is attached. Approve at " + longLink,
                "<p>Your invoice is attached. <a href=\"" + longLink + "\">" + longLink + "</a></p>",
                pdf, "application/pdf", "Rechnung Ä 2026-12.pdf");

        HttpResponse<String> list = get("/");
        assertThat(list.body()).contains("<th>Attachments</th>").contains("<td>1</td><td><a href=\"/message/1\"");

        HttpResponse<String> page = get("/message/1");
        assertThat(page.body())
                .contains("<h2>Attachments (1)</h2>")
                .contains("<a href=\"/message/1/attachment/1\" download=\"Rechnung Ä 2026-12.pdf\">Rechnung Ä 2026-12.pdf</a>"
                        + " (application/pdf, " + pdf.length + " B)")
                // both bodies, and the long link breaks inside its box in the page and in the framed e-mail
                .contains("<pre>Your invoice is attached. Approve at " + longLink + "</pre>")
                .contains("srcdoc=\"&lt;base target=&quot;_blank&quot;&gt;&lt;style&gt;body,a,td{overflow-wrap:anywhere")
                .contains("pre{background:#f6f6f6;padding:1em;white-space:pre-wrap;overflow-wrap:anywhere}");

        HttpResponse<byte[]> download = http.send(
                HttpRequest.newBuilder(URI.create(viewer.url()).resolve("/message/1/attachment/1")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"Rechnung _ 2026-12.pdf\"; filename*=UTF-8''Rechnung%20%C3%84%202026-12.pdf");
        assertThat(download.body()).isEqualTo(pdf);

        assertThat(get("/message/1/attachment/2").statusCode()).isEqualTo(404);
    }

    @Test
    void answersNotFoundForAnUnknownMessage() throws Exception {
        send("jane.doe@example.com", "Only one", "text", null);

        assertThat(get("/message/2").statusCode()).isEqualTo(404);
        assertThat(get("/message/<x>").body()).contains("/message/&lt;x&gt;").doesNotContain("<x>");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(viewer.url()).resolve(path.replace("<", "%3C").replace(">", "%3E")))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends over real SMTP; with an HTML body the message is multipart/alternative like the services' e-mails. */
    private void send(String to, String subject, String text, String html) throws Exception {
        Session session = GreenMailUtil.getSession(greenMail.getSmtp().getServerSetup());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("noreply@channelhub.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setContent(html, "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        }
        Transport.send(message);
    }

    /** multipart/mixed of (text + HTML alternative) and one attachment, as the invoice e-mail is built. */
    private void sendWithAttachment(String to, String subject, String text, String html, byte[] content,
            String contentType, String filename) throws Exception {
        Session session = GreenMailUtil.getSession(greenMail.getSmtp().getServerSetup());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("noreply@channelhub.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        MimeBodyPart bodies = new MimeBodyPart();
        bodies.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
        attachment.setFileName(MimeUtility.encodeText(filename, "UTF-8", null));
        attachment.setDisposition(Part.ATTACHMENT);
        message.setContent(new MimeMultipart("mixed", bodies, attachment));
        Transport.send(message);
    }
}
