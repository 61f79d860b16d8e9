package ai.massrouter.command.config;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Read your own writes: a write endpoint answers only once the read model shows what it wrote (up
 * to {@code MASSROUTER_READ_YOUR_WRITES_TIMEOUT}), so the caller's next GET, on any node, reflects
 * it. Waiting here, keyed on what the write produced, costs the writer a few milliseconds; waiting
 * in the GET instead would make every lookup of a missing id wait the whole bound.
 */
@Component
public class ReadModelCatchUp {

    private final QueryGateway queries;
    private final Duration patience;

    public ReadModelCatchUp(QueryGateway queries,
                            @Value("${massrouter.query.read-your-writes-timeout:PT5S}") Duration patience) {
        this.queries = queries;
        this.patience = patience;
    }

    /** Asks {@code query} until its answer satisfies {@code shows}; gives up quietly after the bound. */
    public <Q, R> void await(Q query, Class<R> type, Predicate<R> shows) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 2;
        while (true) {
            Optional<R> answer = queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
            if (answer.filter(shows).isPresent() || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = Math.min(pause * 2, 50);
        }
    }
}
