package ai.massrouter.gateway.provider;

/**
 * An upstream did not answer as it should. {@code retryable}: the next route may be tried (no
 * connection, timeout, 5xx, 408, 429). {@code clientError}: the upstream refused the request
 * itself (400, 413, 422), which another upstream would refuse too.
 */
public class UpstreamException extends RuntimeException {

    private final int status;
    private final boolean retryable;

    public UpstreamException(String message, int status, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    /** How an HTTP status from an upstream is treated: the one classification rule. */
    public static UpstreamException ofStatus(String provider, int status, String upstreamMessage) {
        boolean retryable = status >= 500 || status == 408 || status == 429;
        return new UpstreamException(provider + " answered " + status
                + (upstreamMessage == null || upstreamMessage.isBlank() ? "" : ": " + upstreamMessage), status, retryable,
                null);
    }

    public static UpstreamException unreachable(String provider, Throwable cause) {
        return new UpstreamException(provider + " is unreachable: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage()), 0, true, cause);
    }

    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean clientError() {
        return status == 400 || status == 413 || status == 422;
    }
}
