package ai.massrouter.command.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * What a call went through, for its generation record: the failures of the routes tried before the
 * one that answered, when the first output reached the client, how long it all took. Used by the
 * call's own thread only.
 */
final class CallTrace {

    private final long startNanos = System.nanoTime();
    private final List<String> fallbacks = new ArrayList<>();
    private long firstOutputNanos = -1;

    void routeFailed(String failure) {
        fallbacks.add(failure);
    }

    void outputSent() {
        if (firstOutputNanos < 0) {
            firstOutputNanos = System.nanoTime();
        }
    }

    List<String> fallbacks() {
        return List.copyOf(fallbacks);
    }

    /** Null when no output reached the client (a failed call, a whole answer that was never streamed). */
    Long timeToFirstOutputMillis() {
        return firstOutputNanos < 0 ? null : (firstOutputNanos - startNanos) / 1_000_000;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
