package ai.massrouter.api.user;

/** Answered by a {@link UserView}, or an ERR_004 when no such user is in the read model. */
public record FindUserQuery(UserId userId) {
}
