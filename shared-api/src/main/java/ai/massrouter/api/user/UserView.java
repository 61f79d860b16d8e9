package ai.massrouter.api.user;

import java.time.Instant;

public record UserView(String id, String email, String username, String avatarUrl, UserRole role,
                       UserStatus status, Instant createdAt, Instant updatedAt, Instant lastLoginAt) {
}
