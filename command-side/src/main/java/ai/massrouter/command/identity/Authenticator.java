package ai.massrouter.command.identity;

import ai.massrouter.api.apikey.ApiKeyStatus;
import ai.massrouter.api.apikey.ExpireApiKeyCommand;
import ai.massrouter.api.apikey.RecordApiKeyUseCommand;
import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.UserStatus;
import ai.massrouter.command.apikey.ApiKeyRecord;
import ai.massrouter.command.apikey.ApiKeySecrets;
import ai.massrouter.command.user.UserDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Turns a bearer credential into a {@link Caller}: an API key ({@code mr-...}) looked up by its
 * hash, or an access JWT. Both paths check the owner's current status in the command side's
 * lookup tables, through this node's {@link CredentialCache}: a revoked key or a suspended user is
 * refused by the very next request on every node, and an unchanged one costs no round trip.
 */
@Component
public class Authenticator {

    private final TokenService tokens;
    private final CredentialCache credentials;
    private final CommandGateway commands;
    private final Clock clock;

    public Authenticator(TokenService tokens, CredentialCache credentials, CommandGateway commands, Clock clock) {
        this.tokens = tokens;
        this.credentials = credentials;
        this.commands = commands;
        this.clock = clock;
    }

    public Caller authenticate(String bearer) {
        return ApiKeySecrets.looksLikeKey(bearer) ? byApiKey(bearer) : byAccessToken(bearer);
    }

    private Caller byAccessToken(String token) {
        TokenService.AccessClaims claims = tokens.parseAccess(token);
        UserDirectory.Entry user = credentials.user(claims.userId())
                .orElseThrow(() -> new DomainException(ErrorCode.ERR_002, "Unknown user"));
        ensureActive(user.status());
        return Caller.user(user.userId(), user.role());
    }

    private Caller byApiKey(String secret) {
        String secretHash = ApiKeySecrets.hash(secret);
        ApiKeyRecord key = credentials.keyBySecretHash(secretHash)
                .filter(k -> k.status() != ApiKeyStatus.REVOKED)
                .orElseThrow(() -> new DomainException(ErrorCode.ERR_002, "Invalid API key"));
        Instant now = clock.instant();
        if (key.status() == ApiKeyStatus.EXPIRED || (key.expiresAt() != null && !now.isBefore(key.expiresAt()))) {
            if (key.status() == ApiKeyStatus.ACTIVE) {
                commands.send(new ExpireApiKeyCommand(key.keyId(), now));
            }
            throw new DomainException(ErrorCode.APIKEY_001, "API key expired at " + key.expiresAt());
        }
        ensureActive(key.userStatus());
        if (key.useDueAt(now)) {
            commands.send(new RecordApiKeyUseCommand(key.keyId(), now));
            credentials.keyUsed(secretHash, now);
        }
        return new Caller(key.userId(), key.userRole(), key.keyId().value(), key.permissions(), key.spendLimits(),
                key.rateLimitPerHour());
    }

    private static void ensureActive(UserStatus status) {
        if (status != UserStatus.ACTIVE) {
            throw new DomainException(ErrorCode.USER_001, "User is " + status.wireName());
        }
    }
}
