package ai.massrouter.command.user;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.ChangeUserStatusCommand;
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
import ai.massrouter.api.user.UserRegisteredEvent;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.api.user.UserSessionRefreshedEvent;
import ai.massrouter.api.user.UserSessionRevokedEvent;
import ai.massrouter.api.user.UserStatus;
import ai.massrouter.api.user.UserStatusChangedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static ai.massrouter.command.DomainMatchers.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

class UserAggregateTest {

    private static final PasswordEncoder ENCODER = new BCryptPasswordEncoder(4);
    private static final String HASH = ENCODER.encode("correct horse");
    private static final UserId ALICE = UserId.of("usr_alice");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private AggregateTestFixture<UserAggregate> fixture;
    private InMemoryDirectory directory;
    private InMemoryCredentials credentials;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAggregate.class);
        directory = new InMemoryDirectory();
        fixture.registerInjectableResource(directory);
        credentials = new InMemoryCredentials();
        fixture.registerInjectableResource(credentials);
    }

    private static UserRegisteredEvent aliceRegistered() {
        return new UserRegisteredEvent(ALICE, "alice@example.com", "alice", HASH, UserRole.USER, UserStatus.ACTIVE, T0);
    }

    @Test
    void register_opensUserAndFirstSession() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(ALICE, "alice@example.com", "alice", HASH, UserRole.USER, SessionId.of("s1"), RefreshTokenId.of("r1"), T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(aliceRegistered(), new UserLoggedInEvent(ALICE, SessionId.of("s1"), RefreshTokenId.of("r1"), T0));
    }

    @Test
    void register_keepsThePasswordHash_forLoginsToBeCheckedAgainst() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(ALICE, "alice@example.com", "alice", HASH, UserRole.USER, null, null, T0))
                .expectSuccessfulHandlerExecution();
        assertThat(credentials.hashes).containsEntry(ALICE, HASH);
    }

    @Test
    void register_withoutSession_onlyRegisters() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(ALICE, "alice@example.com", "alice", HASH, UserRole.USER, null, null, T0))
                .expectEvents(aliceRegistered());
    }

    @Test
    void register_withTakenEmail_isRefusedWithErr001() {
        directory.claim("ALICE@example.com", UserId.of("usr_other"), UserRole.USER);
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(ALICE, "alice@example.com", "alice", HASH, UserRole.USER, SessionId.of("s1"), RefreshTokenId.of("r1"), T0))
                .expectException(refusedWith(ErrorCode.ERR_001))
                .expectNoEvents();
    }

    @Test
    void register_withAUsernameTakenInAnotherCase_isRefusedWithErr001() {
        directory.claimUsername("Alice", UserId.of("usr_other"));
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(ALICE, "alice@example.com", "alice", HASH, UserRole.USER, SessionId.of("s1"), RefreshTokenId.of("r1"), T0))
                .expectException(refusedWith(ErrorCode.ERR_001))
                .expectNoEvents();
    }

    @Test
    void rename_toAUsernameTakenInFullWidth_isRefusedWithErr001() {
        directory.claimUsername("admin", UserId.of("usr_admin"));
        fixture.given(aliceRegistered())
                .when(new UpdateUserProfileCommand(ALICE, "\uFF21\uFF44\uFF4D\uFF49\uFF4E", null, T1))
                .expectException(refusedWith(ErrorCode.ERR_001))
                .expectNoEvents();
    }

    @Test
    void rename_changingOnlyTheCaseOfOnesOwnName_isAllowed() {
        directory.claimUsername("alice", ALICE);
        fixture.given(aliceRegistered())
                .when(new UpdateUserProfileCommand(ALICE, "Alice", null, T1))
                .expectEvents(new UserProfileUpdatedEvent(ALICE, "Alice", null, T1));
    }

    @Test
    void login_withRightPassword_opensSessionAndReturnsRole() {
        fixture.given(aliceRegistered())
                .when(new LogInUserCommand(ALICE, HASH, SessionId.of("s2"), RefreshTokenId.of("r2"), T1))
                .expectEvents(new UserLoggedInEvent(ALICE, SessionId.of("s2"), RefreshTokenId.of("r2"), T1))
                .expectResultMessagePayload(new LoggedInUser(ALICE, "alice", UserRole.USER));
    }

    @Test
    void login_checkedAgainstAnotherHash_isRefusedWithErr002() {
        fixture.given(aliceRegistered())
                .when(new LogInUserCommand(ALICE, ENCODER.encode("correct horse"), SessionId.of("s2"), RefreshTokenId.of("r2"), T1))
                .expectException(refusedWith(ErrorCode.ERR_002))
                .expectNoEvents();
    }

    @Test
    void login_ofSuspendedUser_isRefusedWithUser001() {
        fixture.given(aliceRegistered(),
                        new UserStatusChangedEvent(ALICE, UserStatus.ACTIVE, UserStatus.SUSPENDED, "abuse", UserId.of("usr_admin"), T0))
                .when(new LogInUserCommand(ALICE, HASH, SessionId.of("s2"), RefreshTokenId.of("r2"), T1))
                .expectException(refusedWith(ErrorCode.USER_001))
                .expectNoEvents();
    }

    @Test
    void login_pastSessionLimit_revokesTheOldestSession() {
        var history = new java.util.ArrayList<Object>();
        history.add(aliceRegistered());
        for (int i = 0; i < UserAggregate.MAX_SESSIONS; i++) {
            history.add(new UserLoggedInEvent(ALICE, SessionId.of("s" + i), RefreshTokenId.of("r" + i), T0));
        }
        fixture.given(history)
                .when(new LogInUserCommand(ALICE, HASH, SessionId.of("new"), RefreshTokenId.of("rnew"), T1))
                .expectEvents(new UserLoggedInEvent(ALICE, SessionId.of("new"), RefreshTokenId.of("rnew"), T1),
                        new UserSessionRevokedEvent(ALICE, SessionId.of("s0"), "session_limit", T1));
    }

    @Test
    void refresh_withCurrentToken_rotatesIt() {
        fixture.given(aliceRegistered(), new UserLoggedInEvent(ALICE, SessionId.of("s1"), RefreshTokenId.of("r1"), T0))
                .when(new RefreshUserSessionCommand(ALICE, SessionId.of("s1"), RefreshTokenId.of("r1"), RefreshTokenId.of("r2"), T1))
                .expectEvents(new UserSessionRefreshedEvent(ALICE, SessionId.of("s1"), RefreshTokenId.of("r2"), T1))
                .expectResultMessagePayload(RefreshOutcome.ROTATED);
    }

    @Test
    void refresh_withUsedToken_revokesTheSession() {
        fixture.given(aliceRegistered(), new UserLoggedInEvent(ALICE, SessionId.of("s1"), RefreshTokenId.of("r1"), T0),
                        new UserSessionRefreshedEvent(ALICE, SessionId.of("s1"), RefreshTokenId.of("r2"), T0))
                .when(new RefreshUserSessionCommand(ALICE, SessionId.of("s1"), RefreshTokenId.of("r1"), RefreshTokenId.of("r3"), T1))
                .expectEvents(new UserSessionRevokedEvent(ALICE, SessionId.of("s1"), "refresh_token_reuse", T1))
                .expectResultMessagePayload(RefreshOutcome.REUSE_DETECTED);
    }

    @Test
    void refresh_ofRevokedSession_isUnknown() {
        fixture.given(aliceRegistered(), new UserLoggedInEvent(ALICE, SessionId.of("s1"), RefreshTokenId.of("r1"), T0),
                        new UserSessionRevokedEvent(ALICE, SessionId.of("s1"), "refresh_token_reuse", T0))
                .when(new RefreshUserSessionCommand(ALICE, SessionId.of("s1"), RefreshTokenId.of("r1"), RefreshTokenId.of("r3"), T1))
                .expectNoEvents()
                .expectResultMessagePayload(RefreshOutcome.SESSION_UNKNOWN);
    }

    @Test
    void suspension_endsEverySession() {
        fixture.given(aliceRegistered(), new UserLoggedInEvent(ALICE, SessionId.of("s1"), RefreshTokenId.of("r1"), T0),
                        new UserStatusChangedEvent(ALICE, UserStatus.ACTIVE, UserStatus.SUSPENDED, null, UserId.of("usr_admin"), T0),
                        new UserStatusChangedEvent(ALICE, UserStatus.SUSPENDED, UserStatus.ACTIVE, null, UserId.of("usr_admin"), T0))
                .when(new RefreshUserSessionCommand(ALICE, SessionId.of("s1"), RefreshTokenId.of("r1"), RefreshTokenId.of("r2"), T1))
                .expectResultMessagePayload(RefreshOutcome.SESSION_UNKNOWN);
    }

    @Test
    void profileUpdate_keepsFieldsThatAreNotGiven() {
        fixture.given(aliceRegistered())
                .when(new UpdateUserProfileCommand(ALICE, null, "https://img.example/a.png", T1))
                .expectEvents(new UserProfileUpdatedEvent(ALICE, "alice", "https://img.example/a.png", T1));
    }

    @Test
    void profileUpdate_withoutChange_recordsNothing() {
        fixture.given(aliceRegistered())
                .when(new UpdateUserProfileCommand(ALICE, "alice", null, T1))
                .expectNoEvents();
    }

    @Test
    void statusChange_recordsPreviousAndNewStatus() {
        UserId admin = UserId.of("usr_admin");
        fixture.given(aliceRegistered())
                .when(new ChangeUserStatusCommand(ALICE, UserStatus.SUSPENDED, "chargeback", admin, T1))
                .expectEvents(new UserStatusChangedEvent(ALICE, UserStatus.ACTIVE, UserStatus.SUSPENDED, "chargeback", admin, T1));
    }

    /** The directory's contract, kept in memory for the fixture; the JDBC one is covered by the HTTP tests. */
    static class InMemoryCredentials implements PasswordCredentials {
        private final Map<UserId, String> hashes = new HashMap<>();

        @Override
        public void store(UserId userId, String passwordHash) {
            hashes.put(userId, passwordHash);
        }

        @Override
        public Optional<PasswordCredential> findByEmail(String email) {
            throw new UnsupportedOperationException("the aggregate never reads credentials by e-mail");
        }
    }

    static class InMemoryDirectory implements UserDirectory {
        private final Map<String, UserId> owners = new HashMap<>();
        private final Map<UserId, Entry> entries = new HashMap<>();
        private final Map<String, UserId> usernames = new HashMap<>();

        @Override
        public void claimUsername(String username, UserId userId) {
            UserId holder = usernames.get(UserDirectory.usernameKey(username));
            if (holder != null && !holder.equals(userId)) {
                throw DomainException.invalid("username", "already taken");
            }
            usernames.values().removeIf(userId::equals);
            usernames.put(UserDirectory.usernameKey(username), userId);
        }

        @Override
        public boolean usernameTaken(String username) {
            return usernames.containsKey(UserDirectory.usernameKey(username));
        }

        @Override
        public void claim(String email, UserId userId, UserRole role) {
            if (email != null && owners.putIfAbsent(UserDirectory.normalize(email), userId) != null) {
                throw DomainException.invalid("email", "already registered");
            }
            entries.put(userId, new Entry(userId, role, UserStatus.ACTIVE));
        }

        @Override
        public void changeStatus(UserId userId, UserStatus status) {
            entries.computeIfPresent(userId, (id, e) -> new Entry(id, e.role(), status));
        }

        @Override
        public Optional<UserId> findUserId(String email) {
            return Optional.ofNullable(owners.get(UserDirectory.normalize(email)));
        }

        @Override
        public Optional<Entry> find(UserId userId) {
            return Optional.ofNullable(entries.get(userId));
        }

        @Override
        public Optional<String> findEmail(UserId userId) {
            return owners.entrySet().stream().filter(e -> e.getValue().equals(userId)).map(Map.Entry::getKey).findFirst();
        }

        @Override
        public boolean anyAdministrator() {
            return entries.values().stream().anyMatch(e -> e.role() == UserRole.ADMIN);
        }
    }
}
