package ai.massrouter.app.projection;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * The events a projection could not handle, parked with the rest of their aggregate's sequence
 * ({@code DeadLetterConfig}): listed for an administrator, and retried once the cause is fixed.
 * A retried sequence that succeeds leaves the queue; one that fails again stays, with its new cause.
 */
@RestController
@RequestMapping("/api/v1/admin/projections/{name}/dead-letters")
public class DeadLetterAdminController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdminController.class);
    /** A sequence is a list of one aggregate's events; an admin page shows this many at most. */
    private static final int MAX_SEQUENCES = 100;

    private final EventProcessingConfiguration processing;

    public DeadLetterAdminController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @GetMapping
    public DeadLetters list(Caller caller, @PathVariable String name) {
        caller.requireAdmin();
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        List<List<DeadLetterView>> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (sequences.size() == MAX_SEQUENCES) {
                break;
            }
            List<DeadLetterView> letters = new ArrayList<>();
            sequence.forEach(letter -> letters.add(view(letter)));
            sequences.add(letters);
        }
        return new DeadLetters(name, queue.amountOfSequences(), queue.size(), sequences);
    }

    /** Retries every parked sequence, oldest first; answers what is left afterwards. */
    @PostMapping("/retry")
    public RetryResult retry(Caller caller, @PathVariable String name) {
        caller.requireAdmin();
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> notFound(name));
        // a sequence is retried from its first letter; later letters of it follow in order
        List<String> firstEvents = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            var letters = sequence.iterator();
            if (letters.hasNext()) {
                firstEvents.add(letters.next().message().getIdentifier());
            }
        }
        int succeeded = 0;
        int failed = 0;
        for (String eventId : firstEvents) {
            if (processor.process(letter -> letter.message().getIdentifier().equals(eventId))) {
                succeeded++;
            } else {
                failed++;
            }
        }
        log.info("Retried dead letters of {} (requested by {}): {} sequences handled, {} failed again",
                name, caller.userId(), succeeded, failed);
        return new RetryResult(name, succeeded, failed, queue.amountOfSequences(), queue.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String name) {
        return processing.deadLetterQueue(name).orElseThrow(() -> notFound(name));
    }

    private static DomainException notFound(String name) {
        return DomainException.notFound("Dead-letter queue of projection " + name);
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new DeadLetterView(event.getIdentifier(), event.getPayloadType().getName(), aggregate, sequence,
                event.getTimestamp().toString(), letter.cause().map(c -> c.type()).orElse(null),
                letter.cause().map(c -> c.message()).orElse(null), letter.enqueuedAt().toString(),
                letter.lastTouched().toString());
    }
}
