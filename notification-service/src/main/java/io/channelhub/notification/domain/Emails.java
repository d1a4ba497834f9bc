package io.channelhub.notification.domain;

import io.channelhub.platform.ids.EventIds;
import io.channelhub.schemas.Events;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** The e-mails one event promises, numbered in order for their Message-IDs (N2). */
final class Emails {

    /** How every e-mail shows an instant: unambiguous for readers anywhere. */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * The recipient's name when the event carries none: the e-mail greets "Hello," and the To: header shows the
     * address alone, rather than an id where a name is expected.
     */
    static final String NAME_UNKNOWN = null;

    private final SpecificRecord cause;
    private final List<PlannedEmail> planned = new ArrayList<>();

    Emails(SpecificRecord cause) {
        this.cause = cause;
    }

    /** {@code customerFacing}: the customer reads it, so it must never show a price or a discount (D7, R7). */
    void add(String template, String toAddress, String toName, String subject, Map<String, Object> model,
            boolean customerFacing) {
        add(template, toAddress, toName, subject, model, customerFacing, List.of());
    }

    void add(String template, String toAddress, String toName, String subject, Map<String, Object> model,
            boolean customerFacing, List<PlannedEmail.Attachment> attachments) {
        Map<String, Object> personal = new HashMap<>(model);
        if (toName != null) {
            personal.put("name", toName);
        }
        planned.add(new PlannedEmail(messageId(cause, template, planned.size()), template, toAddress, toName,
                subject, Map.copyOf(personal), customerFacing, attachments));
    }

    List<PlannedEmail> planned() {
        return List.copyOf(planned);
    }

    /** RFC 5322 Message-ID derived from the causing event, the template and the e-mail's position (N2). */
    static String messageId(SpecificRecord cause, String template, int index) {
        return "<" + EventIds.derive(Events.eventId(cause), template, index) + "@channelhub>";
    }
}
