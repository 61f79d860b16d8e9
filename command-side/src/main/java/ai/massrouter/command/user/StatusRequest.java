package ai.massrouter.command.user;

import ai.massrouter.api.user.UserStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record StatusRequest(@NotNull UserStatus status, @Size(max = 500) String reason) {
}
