package io.channelhub.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What a failed send means for the e-mail (N1): a permanent failure (malformed address, SMTP 5xx) will fail the
 * same way every time, so it is parked at once; a connection failure (server down, connection lost) holds for
 * every e-mail alike, so the sender backs off and retries in order.
 */
public enum DeliveryFailure {
    PERMANENT, CONNECTION;

    public static DeliveryFailure of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = next(cause)) {
            if (cause instanceof AddressException) {
                return PERMANENT;
            }
            int code = replyCode(cause);
            if (code >= 500 && code < 600) {
                return PERMANENT;
            }
            if (cause instanceof SendFailedException failed && code == -1 && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return PERMANENT;
            }
        }
        return CONNECTION;
    }

    private static int replyCode(Throwable error) {
        if (error instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (error instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        if (error instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        return -1;
    }

    /** JavaMail chains the per-address failures through getNextException, not getCause. */
    private static Throwable next(Throwable error) {
        if (error instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != error) {
            return messaging.getNextException();
        }
        return error.getCause() == error ? null : error.getCause();
    }

    /** Thrown for a permanent failure: the error handler does not retry it, it parks the e-mail at once. */
    public static final class PermanentException extends RuntimeException {
        public PermanentException(Throwable cause) {
            super(String.valueOf(cause.getMessage()), cause);
        }
    }
}
