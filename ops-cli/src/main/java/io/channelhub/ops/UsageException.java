package io.channelhub.ops;

/**
 * The operator's input is wrong (an argument, the JSON, the event type, the key): the command ends with exit code
 * 2 and this message, never a stack trace, since the fix is in the command line, not in the code.
 */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
