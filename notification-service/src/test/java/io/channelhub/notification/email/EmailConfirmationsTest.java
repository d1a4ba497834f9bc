package io.channelhub.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

/**
 * N1, D-85, D-104: which outbox offsets the sender commits, and when. The broker and SMTP sides are
 * EmailDeliveryTest's and the fault suite's; this is the bookkeeping between them.
 */
class EmailConfirmationsTest {

    /** The batch indices the sender acknowledged (committed up to and including), in order. */
    static final class Committed implements Acknowledgment {
        final List<Integer> indices = new ArrayList<>();

        @Override
        public void acknowledge() {
            throw new UnsupportedOperationException("a batch is acknowledged by index");
        }

        @Override
        public void acknowledge(int index) {
            indices.add(index);
        }

        int last() {
            return indices.isEmpty() ? -1 : indices.get(indices.size() - 1);
        }
    }

    @Test
    void aWindowIsConfirmedWhenTheNextIsFullSoAtMostConfirmEveryAreEverUnconfirmed() {
        Committed committed = new Committed();
        EmailConfirmations confirmations = new EmailConfirmations(committed, 10);

        for (int index = 0; index < 25; index++) {
            confirmations.add(index, CompletableFuture.completedFuture(null));
            // a sender killed now sends again the e-mails after the last committed one
            assertThat(index - committed.last()).isLessThanOrEqualTo(10);
        }
        assertThat(committed.indices).containsExactly(4, 9, 14, 19);

        confirmations.confirmAll();
        assertThat(committed.indices).containsExactly(4, 9, 14, 19, 24);
    }

    @Test
    void withOneEachEmailIsConfirmedBeforeTheNext() {
        Committed committed = new Committed();
        EmailConfirmations confirmations = new EmailConfirmations(committed, 1);

        for (int index = 0; index < 3; index++) {
            confirmations.add(index, CompletableFuture.completedFuture(null));
            assertThat(committed.last()).isEqualTo(index);
        }
        confirmations.confirmAll();
        assertThat(committed.indices).containsExactly(0, 1, 2);
    }

    @Test
    void anOffsetIsNeverCommittedBeforeItsEmailSentRecordIsAcknowledged() {
        Committed committed = new Committed();
        EmailConfirmations confirmations = new EmailConfirmations(committed, 4);
        confirmations.add(0, CompletableFuture.completedFuture(null));
        confirmations.add(1, CompletableFuture.failedFuture(new IllegalStateException("broker unreachable")));
        confirmations.add(2, CompletableFuture.completedFuture(null));

        assertThatThrownBy(() -> confirmations.add(3, CompletableFuture.completedFuture(null)))
                .isInstanceOf(CompletionException.class).hasMessageContaining("broker unreachable");
        assertThat(committed.indices).isEmpty();
    }
}
