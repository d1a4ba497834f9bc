package io.channelhub.notification.email;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The e-mails of a batch accepted by SMTP but not yet confirmed: their {@code EmailSent} records are on their
 * way. Confirming a window waits for every one of its records to be acknowledged, then commits the last one's
 * offset (synchronously), so a sender killed now sends again at most the unconfirmed e-mails.
 *
 * <p>Pipelined (D-104): with {@code confirmEvery} of 2 or more, e-mails are gathered in windows of half that; a
 * full window is sealed and confirmed only when the next one is full too, by when its acknowledgments have
 * mostly arrived while the next window's e-mails went out. At most two half-windows are ever unconfirmed, so the
 * bound stays {@code confirmEvery}. With 1, each e-mail is confirmed before the next (D-55).
 */
final class EmailConfirmations {
    private final Acknowledgment acknowledgment;
    private final int window;
    private final boolean pipelined;
    private Window open = new Window();
    private Window sealed = new Window();

    EmailConfirmations(Acknowledgment acknowledgment, int confirmEvery) {
        this.acknowledgment = acknowledgment;
        this.pipelined = confirmEvery >= 2;
        this.window = pipelined ? confirmEvery / 2 : 1;
    }

    void add(int index, CompletableFuture<?> sentRecord) {
        open.add(index, sentRecord);
        if (open.size() >= window) {
            confirm(sealed);
            sealed = open;
            open = new Window();
            if (!pipelined) {
                confirm(sealed);
            }
        }
    }

    void confirmAll() {
        confirm(sealed);
        confirm(open);
    }

    private void confirm(Window confirmed) {
        if (confirmed.isEmpty()) {
            return;
        }
        CompletableFuture.allOf(confirmed.recorded.toArray(CompletableFuture[]::new)).join();
        acknowledgment.acknowledge(confirmed.last);
        confirmed.clear();
    }

    private static final class Window {
        private final List<CompletableFuture<?>> recorded = new ArrayList<>();
        private int last = -1;

        void add(int index, CompletableFuture<?> sentRecord) {
            recorded.add(sentRecord);
            last = index;
        }

        int size() {
            return recorded.size();
        }

        boolean isEmpty() {
            return recorded.isEmpty();
        }

        void clear() {
            recorded.clear();
        }
    }
}
