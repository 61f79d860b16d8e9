package ai.massrouter.command.user;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.ChangeUserStatusCommand;
import ai.massrouter.api.user.ExternalIdentityLinkedEvent;
import ai.massrouter.api.user.ExternalIdentityUnlinkedEvent;
import ai.massrouter.api.user.LinkExternalIdentityCommand;
import ai.massrouter.api.user.LogInWithExternalIdentityCommand;
import ai.massrouter.api.user.RegisterExternalUserCommand;
import ai.massrouter.api.user.UnlinkExternalIdentityCommand;
import ai.massrouter.api.user.LogInUserCommand;
import ai.massrouter.api.user.LoggedInUser;
import ai.massrouter.api.user.RefreshOutcome;
import ai.massrouter.api.user.RefreshUserSessionCommand;
import ai.massrouter.api.user.RefreshTokenId;
import ai.massrouter.api.user.RegisterUserCommand;
import ai.massrouter.api.user.SessionId;
import ai.massrouter.api.user.UpdateUserProfileCommand;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserLoggedInEvent;
import ai.massrouter.api.user.UserProfileUpdatedEvent;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.api.user.UserRegisteredEvent;
import ai.massrouter.api.user.UserSessionRefreshedEvent;
import ai.massrouter.api.user.UserSessionRevokedEvent;
import ai.massrouter.api.user.UserStatus;
import ai.massrouter.api.user.UserStatusChangedEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user: identity, credentials (a password and/or linked provider accounts), status and open
 * login sessions. The uniqueness of e-mails, usernames and provider accounts is guarded outside
 * (see {@link UserDirectory}, {@link ExternalIdentityDirectory}), in the same transaction as the events.
 * The password hash that logins are checked against is kept beside them ({@link PasswordCredentials}).
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "userSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class UserAggregate {

    /** Older sessions are dropped past this many, so the state (and its snapshot) stays small. */
    static final int MAX_SESSIONS = 20;

    @AggregateIdentifier
    private UserId userId;
    private UserRole role;
    private String passwordHash;
    private String username;
    private String avatarUrl;
    private UserStatus status;
    /** session id -> the one refresh token id currently valid for it, oldest first. */
    private LinkedHashMap<String, String> sessions = new LinkedHashMap<>();
    /** provider -> the provider's subject linked to this user (one account per provider). */
    private LinkedHashMap<String, String> identities = new LinkedHashMap<>();

    protected UserAggregate() {
    }

    @CommandHandler
    public UserAggregate(RegisterUserCommand command, UserDirectory directory, PasswordCredentials credentials) {
        directory.claim(command.email(), command.userId(), command.role());
        directory.claimUsername(command.username(), command.userId());
        if (command.passwordHash() != null) {
            credentials.store(command.userId(), command.passwordHash());
        }
        apply(new UserRegisteredEvent(command.userId(), command.email(), command.username(), command.passwordHash(),
                command.role(), UserStatus.ACTIVE, command.registeredAt()));
        if (command.sessionId() != null) {
            apply(new UserLoggedInEvent(command.userId(), command.sessionId(), command.refreshTokenId(),
                    command.registeredAt()));
        }
    }

    @CommandHandler
    public UserAggregate(RegisterExternalUserCommand command, UserDirectory directory, ExternalIdentityDirectory identities) {
        directory.claim(command.email(), command.userId(), UserRole.USER);
        directory.claimUsername(command.username(), command.userId());
        identities.claim(command.provider(), command.subject(), command.userId(), command.registeredAt());
        apply(new UserRegisteredEvent(command.userId(), command.email(), command.username(), null, UserRole.USER,
                UserStatus.ACTIVE, command.registeredAt()));
        apply(new ExternalIdentityLinkedEvent(command.userId(), command.provider(), command.subject(),
                command.registeredAt()));
        if (command.avatarUrl() != null) {
            apply(new UserProfileUpdatedEvent(command.userId(), command.username(), command.avatarUrl(),
                    command.registeredAt()));
        }
        apply(new UserLoggedInEvent(command.userId(), command.sessionId(), command.refreshTokenId(),
                command.registeredAt()));
    }

    @CommandHandler
    public LoggedInUser handle(LogInUserCommand command) {
        ensureCurrentPassword(command.verifiedPasswordHash());
        ensureActive();
        return openSession(command.sessionId(), command.refreshTokenId(), command.at());
    }

    @CommandHandler
    public LoggedInUser handle(LogInWithExternalIdentityCommand command) {
        if (!command.subject().equals(identities.get(command.provider()))) {
            throw new DomainException(ErrorCode.ERR_002, "This " + command.provider() + " account is not linked");
        }
        ensureActive();
        return openSession(command.sessionId(), command.refreshTokenId(), command.at());
    }

    @CommandHandler
    public void handle(LinkExternalIdentityCommand command, ExternalIdentityDirectory directory) {
        ensureActive();
        String linked = identities.get(command.provider());
        if (command.subject().equals(linked)) {
            return;
        }
        if (linked != null) {
            throw new DomainException(ErrorCode.ERR_001, "Another " + command.provider()
                    + " account is already linked; unlink it first", Map.of("provider", "already linked"));
        }
        directory.claim(command.provider(), command.subject(), userId, command.at());
        apply(new ExternalIdentityLinkedEvent(userId, command.provider(), command.subject(), command.at()));
    }

    @CommandHandler
    public void handle(UnlinkExternalIdentityCommand command, ExternalIdentityDirectory directory) {
        String subject = identities.get(command.provider());
        if (subject == null) {
            throw DomainException.notFound("Linked " + command.provider() + " account");
        }
        ensureAnotherWayToSignIn(command.provider());
        directory.release(command.provider(), subject, userId);
        apply(new ExternalIdentityUnlinkedEvent(userId, command.provider(), subject, command.at()));
    }

    private LoggedInUser openSession(SessionId sessionId, RefreshTokenId refreshTokenId, Instant at) {
        apply(new UserLoggedInEvent(userId, sessionId, refreshTokenId, at));
        sessions.keySet().stream()
                .limit(Math.max(0, sessions.size() - MAX_SESSIONS))
                .toList()
                .forEach(old -> apply(new UserSessionRevokedEvent(userId, SessionId.of(old), "session_limit", at)));
        return new LoggedInUser(userId, username, role);
    }

    @CommandHandler
    public RefreshOutcome handle(RefreshUserSessionCommand command) {
        String current = sessions.get(SessionId.valueOf(command.sessionId()));
        if (current == null) {
            return RefreshOutcome.SESSION_UNKNOWN;
        }
        if (!current.equals(RefreshTokenId.valueOf(command.presentedTokenId()))) {
            // An old refresh token came back: someone holds a copy. End the session for everyone.
            apply(new UserSessionRevokedEvent(userId, command.sessionId(), "refresh_token_reuse", command.at()));
            return RefreshOutcome.REUSE_DETECTED;
        }
        ensureActive();
        apply(new UserSessionRefreshedEvent(userId, command.sessionId(), command.newTokenId(), command.at()));
        return RefreshOutcome.ROTATED;
    }

    @CommandHandler
    public void handle(UpdateUserProfileCommand command, UserDirectory directory) {
        String newUsername = command.username() != null ? command.username() : username;
        String newAvatar = command.avatarUrl() != null ? command.avatarUrl() : avatarUrl;
        if (Objects.equals(newUsername, username) && Objects.equals(newAvatar, avatarUrl)) {
            return;
        }
        if (!Objects.equals(newUsername, username)) {
            directory.claimUsername(newUsername, userId);
        }
        apply(new UserProfileUpdatedEvent(userId, newUsername, newAvatar, command.at()));
    }

    @CommandHandler
    public void handle(ChangeUserStatusCommand command, UserDirectory directory) {
        if (command.status() == status) {
            return;
        }
        directory.changeStatus(userId, command.status());
        apply(new UserStatusChangedEvent(userId, status, command.status(), command.reason(), command.changedBy(),
                command.at()));
    }

    /** The password was checked against this hash by the sender; it must be the user's own, now. */
    private void ensureCurrentPassword(String verifiedHash) {
        // a user who signed up through a provider has no password: no password matches
        if (verifiedHash == null || passwordHash == null || !passwordHash.equals(verifiedHash)) {
            throw new DomainException(ErrorCode.ERR_002, "Invalid e-mail or password");
        }
    }

    /** A password, or another linked provider: never remove the last way to sign in. */
    private void ensureAnotherWayToSignIn(String provider) {
        long others = identities.keySet().stream().filter(p -> !p.equals(provider)).count();
        if (passwordHash == null && others == 0) {
            throw new DomainException(ErrorCode.ERR_001, "This is the last way to sign in to this account; "
                    + "link another provider before unlinking " + provider, Map.of("provider", "last way to sign in"));
        }
    }

    private void ensureActive() {
        if (status != UserStatus.ACTIVE) {
            throw new DomainException(ErrorCode.USER_001, "User is " + status.wireName(),
                    Map.of("status", status.wireName()));
        }
    }

    @EventSourcingHandler
    void on(UserRegisteredEvent event) {
        userId = event.userId();
        role = event.role();
        passwordHash = event.passwordHash();
        username = event.username();
        status = event.status();
    }

    @EventSourcingHandler
    void on(UserLoggedInEvent event) {
        sessions.put(SessionId.valueOf(event.sessionId()), RefreshTokenId.valueOf(event.refreshTokenId()));
    }

    @EventSourcingHandler
    void on(UserSessionRefreshedEvent event) {
        sessions.put(SessionId.valueOf(event.sessionId()), RefreshTokenId.valueOf(event.refreshTokenId()));
    }

    @EventSourcingHandler
    void on(UserSessionRevokedEvent event) {
        sessions.remove(SessionId.valueOf(event.sessionId()));
    }

    @EventSourcingHandler
    void on(ExternalIdentityLinkedEvent event) {
        identities.put(event.provider(), event.subject());
    }

    @EventSourcingHandler
    void on(ExternalIdentityUnlinkedEvent event) {
        identities.remove(event.provider());
    }

    @EventSourcingHandler
    void on(UserProfileUpdatedEvent event) {
        username = event.username();
        avatarUrl = event.avatarUrl();
    }

    @EventSourcingHandler
    void on(UserStatusChangedEvent event) {
        status = event.status();
        if (status != UserStatus.ACTIVE) {
            sessions.clear();
        }
    }
}
