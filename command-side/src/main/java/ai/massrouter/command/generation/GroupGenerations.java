package ai.massrouter.command.generation;

import ai.massrouter.api.generation.RecordGenerationCommand;
import ai.massrouter.api.generation.RecordGenerationsCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Records many gateway calls in one unit of work: each is still its own {@link GenerationAggregate}
 * and its own event, appended in one batch and one commit. A record whose call was recorded already
 * fails the whole unit of work at the event store's (aggregate, sequence) key, as it would alone.
 */
@Component
public class GroupGenerations {

    private final Repository<GenerationAggregate> generations;

    public GroupGenerations(Repository<GenerationAggregate> generations) {
        this.generations = generations;
    }

    @CommandHandler
    public void handle(RecordGenerationsCommand c) throws Exception {
        for (RecordGenerationCommand record : c.records()) {
            generations.newInstance(() -> new GenerationAggregate(record));
        }
    }
}
