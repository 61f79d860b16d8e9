package ai.massrouter.api.common;

import java.util.Map;

/** What a {@link DomainException} says, in a form that travels inside Axon's CommandExecutionException. */
public record ErrorDetails(ErrorCode code, String message, Map<String, String> details) {

    public DomainException toException() {
        return new DomainException(code, message, details == null ? Map.of() : details);
    }
}
