package io.channelhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.schemas.Topics;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * D7, R7, N3 over the whole system: runs after every journey, collects each e-mail that reached a customer (an
 * address some billing account in the directory names as its contact) and checks that none shows a discount or
 * a price.
 */
@ExtendWith(SystemUnderTest.class)
@Order(Integer.MAX_VALUE - 1)
class CustomerFacingEmailsTest {

    /** An amount as the templates would print one: 87.30, 1,234.00, € 3.33. */
    private static final Pattern AMOUNT = Pattern.compile("\\d+\\.\\d{2}\\b|[€$£]");

    @Test
    void noCustomerEverSeesADiscountOrAPrice() throws Exception {
        Set<String> customers = SystemUnderTest.kafka().events(Topics.DIRECTORY_EVENTS,
                BillingAccountRegistered.class).stream().map(BillingAccountRegistered::getContactEmail)
                .collect(Collectors.toSet());
        List<MimeMessage> toCustomers = SystemUnderTest.emails(m -> customers.contains(SystemUnderTest.recipient(m)),
                0);

        assertThat(toCustomers).as("the journeys e-mail customers").isNotEmpty();
        for (MimeMessage email : toCustomers) {
            String everything = (email.getSubject() + "\n" + SystemUnderTest.text(email) + "\n"
                    + SystemUnderTest.visibleHtml(email)).toLowerCase(Locale.ROOT);
            assertThat(everything).as(email.getSubject()).doesNotContain("discount", "%", "price", "margin");
            assertThat(AMOUNT.matcher(everything).find()).as(email.getSubject() + " shows an amount").isFalse();
        }
    }

    /** What a reader of the HTML part sees: its text, not its tags and styles (CSS has margins). */}
