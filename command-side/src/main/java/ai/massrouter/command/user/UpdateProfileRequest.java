package ai.massrouter.command.user;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Fields left out (or null) stay as they are. */
public record UpdateProfileRequest(
        @Size(min = 3, max = 32) @Pattern(regexp = UserRules.USERNAME_PATTERN,
                message = "may contain letters, digits, '_', '-' and '.' only")
        String username,
        @Size(max = 2048) @Pattern(regexp = "^(https?://\\S+)?$", message = "must be an http(s) URL")
        String avatarUrl) {
}
