package ai.massrouter.command.identity;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.OpenAccountCommand;
import ai.massrouter.api.common.BillingSettings;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.LogInUserCommand;
import ai.massrouter.api.user.LoggedInUser;
import ai.massrouter.api.user.RefreshOutcome;
import ai.massrouter.api.user.RefreshTokenId;
import ai.massrouter.api.user.RefreshUserSessionCommand;
import ai.massrouter.api.user.RegisterUserCommand;
import ai.massrouter.api.user.SessionId;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.command.identity.TokenService.RefreshClaims;
import ai.massrouter.command.user.PasswordCredentials.PasswordCredential;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    private final CommandGateway commands;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final Clock clock;
    private final AuthAttemptLimiter attempts;
    private final PasswordCheck passwords;
    private final String currency;

    public AuthController(CommandGateway commands, PasswordEncoder passwordEncoder, TokenService tokens, Clock clock,
                          AuthAttemptLimiter attempts, PasswordCheck passwords, BillingSettings billing) {
        this.commands = commands;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.clock = clock;
        this.attempts = attempts;
        this.passwords = passwords;
        this.currency = billing.currency();
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    public AuthResponse register(@Valid @RequestBody RegisterRequest request) {
        attempts.check(request.email());
        if (!request.password().equals(request.confirmPassword())) {
            throw DomainException.invalid("confirm_password", "does not match password");
        }
        UserId userId = UserId.generate();
        String email = request.email().trim();
        SessionId sessionId = SessionId.generate();
        RefreshTokenId refreshTokenId = RefreshTokenId.generate();
        Instant now = clock.instant();
        commands.sendAndWait(new RegisterUserCommand(userId, email, request.username(),
                passwordEncoder.encode(request.password()), UserRole.USER, sessionId, refreshTokenId, now));
        commands.sendAndWait(new OpenAccountCommand(AccountId.forUser(userId), userId, currency, now));
        return new AuthResponse(new AuthResponse.UserSummary(userId.value(), email, request.username(), "user"),
                AuthResponse.Tokens.of(tokens.issue(userId, UserRole.USER, sessionId, refreshTokenId)));
    }

    @PostMapping("/login")
    public AuthResponse login(@Valid @RequestBody LoginRequest request) {
        attempts.check(request.email());
        PasswordCredential credential = passwords.verify(request.email(), request.password());
        UserId userId = credential.userId();
        SessionId sessionId = SessionId.generate();
        RefreshTokenId refreshTokenId = RefreshTokenId.generate();
        LoggedInUser user = commands.sendAndWait(new LogInUserCommand(userId, credential.passwordHash(), sessionId,
                refreshTokenId, clock.instant()));
        return new AuthResponse(
                new AuthResponse.UserSummary(userId.value(), request.email().trim(), user.username(),
                        user.role().wireName()),
                AuthResponse.Tokens.of(tokens.issue(userId, user.role(), sessionId, refreshTokenId)));
    }

    /** The refresh token comes as {@code Authorization: Bearer ...} (the document) or as {@code refresh_token}. */
    @PostMapping("/refresh")
    public AuthResponse.Tokens refresh(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                       @RequestBody(required = false) Map<String, Object> body) {
        String token = bearer(authorization);
        if (token == null && body != null && body.get("refresh_token") instanceof String fromBody) {
            token = fromBody;
        }
        if (token == null || token.isBlank()) {
            throw new DomainException(ErrorCode.ERR_002, "A refresh token is required",
                    Map.of("authorization", "send Authorization: Bearer <refresh_token>"));
        }
        RefreshClaims claims = tokens.parseRefresh(token);
        RefreshTokenId newTokenId = RefreshTokenId.generate();
        RefreshOutcome outcome = commands.sendAndWait(new RefreshUserSessionCommand(claims.userId(),
                claims.sessionId(), claims.tokenId(), newTokenId, clock.instant()));
        if (outcome != RefreshOutcome.ROTATED) {
            throw new DomainException(ErrorCode.ERR_002, outcome == RefreshOutcome.REUSE_DETECTED
                    ? "Refresh token was already used; the session has been revoked, log in again"
                    : "Session is no longer valid, log in again");
        }
        return AuthResponse.Tokens.of(tokens.issue(claims.userId(), claims.role(), claims.sessionId(), newTokenId));
    }

    private static String bearer(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
