package ai.massrouter.gateway;

import ai.massrouter.api.account.CallTimings;
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
    private long routeAskedNanos = startNanos;

    /** A route's upstream is being asked: the statistics time the upstream that answers from here. */
    void routeAsked() {
        routeAskedNanos = System.nanoTime();
    }

    /** How fast the upstream that answered did, from the moment it was asked (statistics). */
    CallTimings upstreamTimings() {
        Long first = firstOutputNanos < 0 ? null : Math.max(0, firstOutputNanos - routeAskedNanos) / 1_000_000;
        return new CallTimings(first, (System.nanoTime() - routeAskedNanos) / 1_000_000);
    }

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
