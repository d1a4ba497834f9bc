package io.channelhub.notification.email;

import io.channelhub.notification.event.Attachment;
import io.channelhub.notification.event.EmailRequested;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * An outbox record as the MIME message that goes over SMTP, with the Message-ID derived from its cause. Public so
 * the benchmark's raw SMTP floor sends exactly what the sender sends.
 */
public final class MimeEmails {

    static {
        // Jakarta Mail 2.1 finds its stream provider with a ServiceLoader scan of the class path on every use (each
        // multipart, each encoded body: jakartaee/mail-api#861), 40% of the senders' CPU in a profile
        // (docs/benchmarks.md, D-130). Named in its system property, it is found with one class lookup instead.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        }
    }

    private MimeEmails() {
    }

    public static MimeMessage of(Session session, String from, EmailRequested email) throws MessagingException {
        MimeMessage message = new FixedIdMimeMessage(session, email.getMessageId());
        MimeMessageHelper helper = new SharedTypesHelper(message);
        helper.setFrom(from);
        helper.setTo(email.getToAddress());
        helper.setSubject(email.getSubject());
        helper.setText(email.getTextBody(), email.getHtmlBody());
        for (Attachment attachment : email.getAttachments()) {
            helper.addAttachment(attachment.getFilename(), new ByteArrayResource(bytes(attachment)),
                    attachment.getContentType());
        }
        message.saveChanges();
        return message;
    }

    private static byte[] bytes(Attachment attachment) {
        ByteBuffer content = attachment.getContent().duplicate();
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return bytes;
    }

    /**
     * A helper that takes the one file type map of the JVM: Spring's builds a new one for every message (a service
     * loader scan of the class path), which was half of the senders' CPU (docs/benchmarks.md).
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {
        private static final FileTypeMap TYPES = types();

        SharedTypesHelper(MimeMessage message) throws MessagingException {
            super(message, true, StandardCharsets.UTF_8.name());
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return TYPES;
        }

        private static FileTypeMap types() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
    }

    /** JavaMail assigns a random Message-ID on save; ours must stay the one derived from the causing event. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
