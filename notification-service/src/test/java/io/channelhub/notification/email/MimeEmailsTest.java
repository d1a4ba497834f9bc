package io.channelhub.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

/** What the senders set up once for every message they make. */
class MimeEmailsTest {

    // D-130: the stream provider is named, so Jakarta Mail finds it with a class lookup, not a class path scan
    @Test
    void theStreamProviderIsNamedOnceMessagesAreMade() throws Exception {
        Class.forName(MimeEmails.class.getName(), true, MimeEmails.class.getClassLoader());

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }
}
