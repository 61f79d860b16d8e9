package ai.massrouter.command.payment;

/**
 * A verified notification about another order than the one it names (another method, another
 * Checkout Session): recorded as refused, answered with the provider's refusal, and settles nothing.
 */
class MisdirectedNotificationException extends RuntimeException {

    MisdirectedNotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
