package ai.massrouter.api.user;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The provider's account no longer signs in as this user (and may be linked to another one). */
@Revision("1")
public record ExternalIdentityUnlinkedEvent(UserId userId, String provider, String subject, Instant at) {
}
