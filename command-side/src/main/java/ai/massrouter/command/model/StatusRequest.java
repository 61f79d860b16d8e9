package ai.massrouter.command.model;

import ai.massrouter.api.model.ModelStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record StatusRequest(@NotNull ModelStatus status, @Size(max = 500) String reason) {
}
