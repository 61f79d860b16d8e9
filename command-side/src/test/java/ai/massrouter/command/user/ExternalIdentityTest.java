package ai.massrouter.command.user;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.ExternalIdentityLinkedEvent;
import ai.massrouter.api.user.ExternalIdentityUnlinkedEvent;
import ai.massrouter.api.user.LinkExternalIdentityCommand;
import ai.massrouter.api.user.LogInUserCommand;
import ai.massrouter.api.user.LogInWithExternalIdentityCommand;
import ai.massrouter.api.user.LoggedInUser;
import ai.massrouter.api.user.RefreshTokenId;
import ai.massrouter.api.user.RegisterExternalUserCommand;
import ai.massrouter.api.user.SessionId;
import ai.massrouter.api.user.UnlinkExternalIdentityCommand;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserLoggedInEvent;
import ai.massrouter.api.user.UserProfileUpdatedEvent;
import ai.massrouter.api.user.UserRegisteredEvent;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.api.user.UserStatus;
import ai.massrouter.api.user.UserStatusChangedEvent;
import ai.massrouter.command.user.ExternalIdentityDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static ai.massrouter.command.DomainMatchers.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Provider accounts on the user aggregate: sign-up, sign-in, link and unlink. */
class ExternalIdentityTest {

    private static final UserId BOB = UserId.of("usr_bob");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private AggregateTestFixture<UserAggregate> fixture;
    private InMemoryIdentities identities;
    private UserAggregateTest.InMemoryDirectory users;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAggregate.class);
        identities = new InMemoryIdentities();
        users = new UserAggregateTest.InMemoryDirectory();
        fixture.registerInjectableResource(users);
        fixture.registerInjectableResource(identities);
    }

    private static UserRegisteredEvent bobSignedUpWithGithub() {
        return new UserRegisteredEvent(BOB, null, "bob_abc123", null, UserRole.USER, UserStatus.ACTIVE, T0);
    }

    private static ExternalIdentityLinkedEvent linked(String provider, String subject) {
        return new ExternalIdentityLinkedEvent(BOB, provider, subject, T0);
    }

    @Test
    void firstSignIn_opensUserLinkedToTheProvider_withAvatarAndSession() {
        fixture.givenNoPriorActivity()
                .when(new RegisterExternalUserCommand(BOB, "github", "42", null, "bob_abc123", "https://a/b.png",
                        SessionId.of("s1"), RefreshTokenId.of("r1"), T0))
                .expectEvents(bobSignedUpWithGithub(), linked("github", "42"),
                        new UserProfileUpdatedEvent(BOB, "bob_abc123", "https://a/b.png", T0),
                        new UserLoggedInEvent(BOB, SessionId.of("s1"), RefreshTokenId.of("r1"), T0));
        assertThat(identities.findUser("github", "42")).contains(BOB);
    }

    @Test
    void firstSignIn_withATakenUsername_isRefusedNamingTheUsername_andClaimsNothing() {
        users.claimUsername("BOB_abc123", UserId.of("usr_other"));
        fixture.givenNoPriorActivity()
                .when(new RegisterExternalUserCommand(BOB, "github", "42", null, "bob_abc123", null, SessionId.of("s1"), RefreshTokenId.of("r1"), T0))
                // ExternalSignIn retries with another suffix on exactly this: ERR_001 naming the username
                .expectException(org.axonframework.test.matchers.Matchers.predicate(e -> e instanceof DomainException d
                        && d.code() == ErrorCode.ERR_001 && d.details().containsKey("username")))
                .expectNoEvents();
        assertThat(identities.findUser("github", "42")).isEmpty();
    }

    @Test
    void signIn_withTheLinkedAccount_opensASession() {
        fixture.given(bobSignedUpWithGithub(), linked("github", "42"))
                .when(new LogInWithExternalIdentityCommand(BOB, "github", "42", SessionId.of("s2"), RefreshTokenId.of("r2"), T1))
                .expectResultMessagePayload(new LoggedInUser(BOB, "bob_abc123", UserRole.USER))
                .expectEvents(new UserLoggedInEvent(BOB, SessionId.of("s2"), RefreshTokenId.of("r2"), T1));
    }

    @Test
    void signIn_ofASuspendedUser_isRefusedWithUser001() {
        fixture.given(bobSignedUpWithGithub(), linked("github", "42"),
                        new UserStatusChangedEvent(BOB, UserStatus.ACTIVE, UserStatus.SUSPENDED, "fraud", null, T0))
                .when(new LogInWithExternalIdentityCommand(BOB, "github", "42", SessionId.of("s2"), RefreshTokenId.of("r2"), T1))
                .expectException(refusedWith(ErrorCode.USER_001))
                .expectNoEvents();
    }

    @Test
    void signIn_afterUnlink_isRefusedWithErr002() {
        fixture.given(bobSignedUpWithGithub(), linked("github", "42"), linked("google", "g-1"),
                        new ExternalIdentityUnlinkedEvent(BOB, "github", "42", T1))
                .when(new LogInWithExternalIdentityCommand(BOB, "github", "42", SessionId.of("s2"), RefreshTokenId.of("r2"), T1))
                .expectException(refusedWith(ErrorCode.ERR_002));
    }

    @Test
    void passwordLogin_ofAUserWithoutPassword_isRefusedWithErr002() {
        fixture.given(bobSignedUpWithGithub(), linked("github", "42"))
                .when(new LogInUserCommand(BOB, new BCryptPasswordEncoder(4).encode("anything-at-all"), SessionId.of("s2"), RefreshTokenId.of("r2"), T1))
                .expectException(refusedWith(ErrorCode.ERR_002));
    }

    @Test
    void link_addsAProvider_andClaimsIt() {
        fixture.given(bobSignedUpWithGithub(), linked("github", "42"))
                .when(new LinkExternalIdentityCommand(BOB, "google", "g-1", T1))
                .expectEvents(new ExternalIdentityLinkedEvent(BOB, "google", "g-1", T1));
        assertThat(identities.findUser("google", "g-1")).contains(BOB);
    }

    @Test
    void link_ofTheSameAccountAgain_changesNothing() {
        fixture.given(bobSignedUpWithGithub(), linked("github", "42"))
                .when(new LinkExternalIdentityCommand(BOB, "github", "42", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void link_ofASecondAccountOfTheSameProvider_isRefusedWithErr001() {
        fixture.given(bobSignedUpWithGithub(), linked("github", "42"))
                .when(new LinkExternalIdentityCommand(BOB, "github", "43", T1))
                .expectException(refusedWith(ErrorCode.ERR_001))
                .expectNoEvents();
    }

    @Test
    void link_ofAnAccountLinkedToAnotherUser_isRefusedWithErr001() {
        identities.claim("google", "g-1", UserId.of("usr_other"), T0);
        fixture.given(bobSignedUpWithGithub(), linked("github", "42"))
                .when(new LinkExternalIdentityCommand(BOB, "google", "g-1", T1))
                .expectException(refusedWith(ErrorCode.ERR_001))
                .expectNoEvents();
    }

    @Test
    void unlink_ofTheLastWayToSignIn_isRefusedWithErr001() {
        fixture.given(bobSignedUpWithGithub(), linked("github", "42"))
                .when(new UnlinkExternalIdentityCommand(BOB, "github", T1))
                .expectException(refusedWith(ErrorCode.ERR_001))
                .expectNoEvents();
    }

    @Test
    void unlink_withAnotherProviderLeft_removesTheLinkAndFreesTheAccount() {
        identities.claim("github", "42", BOB, T0);
        fixture.given(bobSignedUpWithGithub(), linked("github", "42"), linked("google", "g-1"))
                .when(new UnlinkExternalIdentityCommand(BOB, "github", T1))
                .expectEvents(new ExternalIdentityUnlinkedEvent(BOB, "github", "42", T1));
        assertThat(identities.findUser("github", "42")).isEmpty();
    }

    @Test
    void unlink_withAPassword_removesTheOnlyProvider() {
        fixture.given(new UserRegisteredEvent(BOB, "bob@example.com", "bob", "$2a$04$hash", UserRole.USER,
                        UserStatus.ACTIVE, T0), linked("github", "42"))
                .when(new UnlinkExternalIdentityCommand(BOB, "github", T1))
                .expectEvents(new ExternalIdentityUnlinkedEvent(BOB, "github", "42", T1));
    }

    @Test
    void unlink_ofAProviderThatIsNotLinked_isRefusedWithErr004() {
        fixture.given(bobSignedUpWithGithub(), linked("github", "42"))
                .when(new UnlinkExternalIdentityCommand(BOB, "google", T1))
                .expectException(refusedWith(ErrorCode.ERR_004));
    }

    /** The directory's contract in memory; the JDBC one is covered by the HTTP tests. */
    static class InMemoryIdentities implements ExternalIdentityDirectory {
        private final Map<String, UserId> owners = new HashMap<>();

        @Override
        public void claim(String provider, String subject, UserId userId, Instant at) {
            if (owners.putIfAbsent(provider + "/" + subject, userId) != null) {
                throw DomainException.invalid("provider", "account already linked");
            }
        }

        @Override
        public void release(String provider, String subject, UserId userId) {
            owners.remove(provider + "/" + subject, userId);
        }

        @Override
        public Optional<UserId> findUser(String provider, String subject) {
            return Optional.ofNullable(owners.get(provider + "/" + subject));
        }
    }
}
