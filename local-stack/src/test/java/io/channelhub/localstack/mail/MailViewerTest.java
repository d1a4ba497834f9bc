package io.channelhub.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.channelhub.localstack.Ports;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
                        + "&lt;!DOCTYPE html&gt;&lt;base target=&quot;_blank&quot;&gt;"
                        + "&lt;p&gt;Hi &lt;b&gt;Jane&lt;/b&gt;&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;")
                .doesNotContain("<script>")
                .doesNotContain("<b>Jane");
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
}
