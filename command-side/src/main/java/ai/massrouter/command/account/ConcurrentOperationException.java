package ai.massrouter.command.account;

import org.axonframework.common.AxonTransientException;

/**
 * The same operation id was committed by another transaction (another node) meanwhile. The
 * command is retried, and then finds the first result.
 */
public class ConcurrentOperationException extends AxonTransientException {

    public ConcurrentOperationException(String message) {
        super(message);
    }
}
