package ai.massrouter.api.user;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record UserStatusChangedEvent(UserId userId, UserStatus previousStatus, UserStatus status, String reason,
                                     UserId changedBy, Instant at) {
}
