package ai.massrouter.command.payment;

/** A notification that failed verification: it is recorded, answered with an error, and settles nothing. */
class InvalidNotificationException extends RuntimeException {

    InvalidNotificationException(String message) {
        super(message);
    }

    InvalidNotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
