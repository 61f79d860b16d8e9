package ai.massrouter.api.user;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The profile as it is after the change (absolute values, so a projection can apply it twice). */
@Revision("1")
public record UserProfileUpdatedEvent(UserId userId, String username, String avatarUrl, Instant updatedAt) {
}
