package ai.massrouter.app.web;

import java.io.IOException;

/** Thrown by a capped request stream once a body without a Content-Length passes its surface's limit. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The exception itself, or the one somewhere in its causes (readers wrap what the stream threw). */
    public static BodyTooLargeException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
