package ai.massrouter.command.identity;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.OpenAccountCommand;
import ai.massrouter.api.common.BillingSettings;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.LinkExternalIdentityCommand;
import ai.massrouter.api.user.LogInWithExternalIdentityCommand;
import ai.massrouter.api.user.LoggedInUser;
import ai.massrouter.api.user.RefreshTokenId;
import ai.massrouter.api.user.RegisterExternalUserCommand;
import ai.massrouter.api.user.SessionId;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.command.user.ExternalIdentityDirectory;
import ai.massrouter.command.user.UserDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * What a provider's identity means here: the user it is linked to signs in; an unknown one opens
 * a new user, unless its e-mail already belongs to an account (never merged silently: that user
 * signs in and links the provider); during a link, it is added to the signed-in user.
 */
@Component
class ExternalSignIn {

    private static final int USERNAME_ATTEMPTS = 3;

    private final CommandGateway commands;
    private final ExternalIdentityDirectory identities;
    private final UserDirectory users;
    private final TokenService tokens;
    private final Clock clock;
    private final String currency;

    ExternalSignIn(CommandGateway commands, ExternalIdentityDirectory identities, UserDirectory users, TokenService tokens,
                   Clock clock, BillingSettings billing) {
        this.commands = commands;
        this.identities = identities;
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
        this.currency = billing.currency();
    }

    AuthResponse signIn(ExternalProfile profile) {
        SessionId sessionId = SessionId.generate();
        RefreshTokenId refreshTokenId = RefreshTokenId.generate();
        UserId linked = identities.findUser(profile.provider(), profile.subject()).orElse(null);
        if (linked != null) {
            LoggedInUser user = commands.sendAndWait(new LogInWithExternalIdentityCommand(linked, profile.provider(),
                    profile.subject(), sessionId, refreshTokenId, clock.instant()));
            return response(linked, users.findEmail(linked).orElse(null), user.username(), user.role(), sessionId,
                    refreshTokenId);
        }
        ensureEmailIsFree(profile);
        UserId userId = UserId.generate();
        String username = register(userId, profile, sessionId, refreshTokenId);
        return response(userId, profile.email() == null ? null : UserDirectory.normalize(profile.email()), username,
                UserRole.USER, sessionId, refreshTokenId);
    }

    void link(UserId userId, ExternalProfile profile) {
        commands.sendAndWait(new LinkExternalIdentityCommand(userId, profile.provider(), profile.subject(),
                clock.instant()));
    }

    private void ensureEmailIsFree(ExternalProfile profile) {
        if (profile.email() != null && users.findUserId(profile.email()).isPresent()) {
            throw new DomainException(ErrorCode.ERR_001, "An account with the e-mail of this " + profile.provider()
                    + " account already exists: sign in to it, then link " + profile.provider() + " from there",
                    Map.of("email", "already registered: sign in and link " + profile.provider()));
        }
    }

    /** Retries with another random suffix if the username is taken (a unique-username rule refuses it). */
    private String register(UserId userId, ExternalProfile profile, SessionId sessionId,
                            RefreshTokenId refreshTokenId) {
        for (int attempt = 1; ; attempt++) {
            String username = UsernameSuggester.suggest(profile);
            Instant now = clock.instant();
            try {
                commands.sendAndWait(new RegisterExternalUserCommand(userId, profile.provider(), profile.subject(),
                        profile.email() == null ? null : profile.email().trim(), username, profile.avatarUrl(),
                        sessionId, refreshTokenId, now));
            } catch (DomainException e) {
                if (attempt < USERNAME_ATTEMPTS && e.details().containsKey("username")) {
                    continue;
                }
                throw e;
            }
            commands.sendAndWait(new OpenAccountCommand(AccountId.forUser(userId), userId, currency, now));
            return username;
        }
    }

    private AuthResponse response(UserId userId, String email, String username, UserRole role, SessionId sessionId,
                                  RefreshTokenId refreshTokenId) {
        return new AuthResponse(new AuthResponse.UserSummary(userId.value(), email, username, role.wireName()),
                AuthResponse.Tokens.of(tokens.issue(userId, role, sessionId, refreshTokenId)));
    }
}
