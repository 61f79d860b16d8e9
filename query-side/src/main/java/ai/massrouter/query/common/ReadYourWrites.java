package ai.massrouter.query.common;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * Asks a query, and when the answer is not there yet (the projection is a few milliseconds
 * behind the command that created it) asks again for a short while before giving up.
 * Used where the caller proves the thing exists, e.g. a valid token for {@code /users/me}.
 */
@Component
public class ReadYourWrites {

    private final QueryGateway queries;
    private final Duration patience;

    public ReadYourWrites(QueryGateway queries, @Value("${massrouter.query.read-your-writes-timeout:PT5S}") Duration patience) {
        this.queries = queries;
        this.patience = patience;
    }

    public <Q, R> Optional<R> awaitPresent(Q query, Class<R> type) {
        return awaitMatching(query, type, answer -> true);
    }

    /** Asks until the answer satisfies {@code shows} or the bound passes; returns the last answer. */
    public <Q, R> Optional<R> awaitMatching(Q query, Class<R> type, Predicate<R> shows) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 5;
        while (true) {
            Optional<R> answer = ask(query, type);
            if (answer.filter(shows).isPresent() || System.nanoTime() > deadline) {
                return answer;
            }
            sleep(pause);
            pause = Math.min(pause * 2, 100);
        }
    }

    public <Q, R> Optional<R> ask(Q query, Class<R> type) {
        try {
            return queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a read model", e);
        }
    }
}
