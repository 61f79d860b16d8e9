package ai.massrouter.command.identity;

import ai.massrouter.command.user.UserRules;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record RegisterRequest(
        @NotBlank @Size(max = 254) @Email(regexp = UserRules.EMAIL_PATTERN, message = "must be a valid e-mail address")
        String email,
        @NotBlank @Size(min = 3, max = 32) @Pattern(regexp = UserRules.USERNAME_PATTERN,
                message = "may contain letters, digits, '_', '-' and '.' only")
        String username,
        @NotBlank @Size(min = UserRules.MIN_PASSWORD, max = UserRules.MAX_PASSWORD) String password,
        @NotBlank String confirmPassword) {
}
