package ai.massrouter.api.user;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A provider's account ({@code provider}: {@code github}, {@code google}, ...; {@code subject}: that
 * provider's stable id of the person) now signs in as this user. No provider token is recorded.
 */
@Revision("1")
public record ExternalIdentityLinkedEvent(UserId userId, String provider, String subject, Instant at) {
}
