package ai.massrouter.api.user;

/** What a successful login returns to the caller: enough to issue tokens and greet the user. */
public record LoggedInUser(UserId userId, String username, UserRole role) {
}
