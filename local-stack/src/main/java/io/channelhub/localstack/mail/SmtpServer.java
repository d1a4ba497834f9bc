package io.channelhub.localstack.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) that accepts any sender and recipient and keeps every e-mail in memory. */
public final class SmtpServer {
    private SmtpServer() {
    }

    public static GreenMail start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP))
                // services send without credentials, as to a relay inside the network
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return greenMail;
    }
}
