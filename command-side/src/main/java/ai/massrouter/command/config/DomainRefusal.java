package ai.massrouter.command.config;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorDetails;
import org.axonframework.commandhandling.CommandExecutionException;

import java.util.Optional;

/**
 * An aggregate's refusal as it reaches the sender of a command: as itself on this node, or inside
 * Axon's {@link CommandExecutionException} (its details, or its cause) when another node handled it.
 */
public final class DomainRefusal {

    private DomainRefusal() {
    }

    /** The refusal carried by {@code e}, if it is one; empty for any other failure. */
    public static Optional<DomainException> of(RuntimeException e) {
        if (e instanceof DomainException refused) {
            return Optional.of(refused);
        }
        if (e instanceof CommandExecutionException command) {
            if (command.getDetails().orElse(null) instanceof ErrorDetails details) {
                return Optional.of(details.toException());
            }
            if (command.getCause() instanceof DomainException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }
}
