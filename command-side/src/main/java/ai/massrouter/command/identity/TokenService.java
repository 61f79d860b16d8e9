package ai.massrouter.command.identity;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.RefreshTokenId;
import ai.massrouter.api.user.SessionId;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserRole;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Issues and checks the platform's JWTs: short-lived access tokens and rotating refresh tokens
 * (one per session; the session's current refresh token id lives in the user aggregate).
 */
@Component
public class TokenService {

    static final String TYPE = "typ";
    static final String ROLE = "role";
    static final String SESSION = "sid";

    private final SecretKey key;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final Clock clock;

    public TokenService(JwtSecret secret,
                        @Value("${massrouter.jwt.access-ttl:PT1H}") Duration accessTtl,
                        @Value("${massrouter.jwt.refresh-ttl:P30D}") Duration refreshTtl,
                        Clock clock) {
        this.key = Keys.hmacShaKeyFor(secret.keyBytes());
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
        this.clock = clock;
    }

    public IssuedTokens issue(UserId userId, UserRole role, SessionId sessionId, RefreshTokenId refreshTokenId) {
        Instant now = clock.instant();
        String access = Jwts.builder()
                .subject(userId.value())
                .id(UUID.randomUUID().toString())
                .claim(TYPE, "access")
                .claim(ROLE, role.wireName())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(accessTtl)))
                .signWith(key)
                .compact();
        String refresh = Jwts.builder()
                .subject(userId.value())
                .id(RefreshTokenId.valueOf(refreshTokenId))
                .claim(TYPE, "refresh")
                .claim(ROLE, role.wireName())
                .claim(SESSION, SessionId.valueOf(sessionId))
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(refreshTtl)))
                .signWith(key)
                .compact();
        return new IssuedTokens(access, refresh, accessTtl.toSeconds());
    }

    public AccessClaims parseAccess(String token) {
        Claims claims = parse(token, "access");
        return new AccessClaims(UserId.of(claims.getSubject()), role(claims));
    }

    public RefreshClaims parseRefresh(String token) {
        Claims claims = parse(token, "refresh");
        String session = claims.get(SESSION, String.class);
        String tokenId = claims.getId();
        return new RefreshClaims(UserId.of(claims.getSubject()), role(claims),
                session == null ? null : SessionId.of(session), tokenId == null ? null : RefreshTokenId.of(tokenId));
    }

    private Claims parse(String token, String expectedType) {
        try {
            Claims claims = Jwts.parser().verifyWith(key).clock(() -> Date.from(clock.instant())).build()
                    .parseSignedClaims(token).getPayload();
            if (!expectedType.equals(claims.get(TYPE, String.class))) {
                throw new DomainException(ErrorCode.ERR_002, "Not an " + expectedType + " token");
            }
            return claims;
        } catch (ExpiredJwtException e) {
            throw new DomainException(ErrorCode.ERR_002, "Token expired");
        } catch (JwtException | IllegalArgumentException e) {
            throw new DomainException(ErrorCode.ERR_002, "Invalid token");
        }
    }

    private static UserRole role(Claims claims) {
        return UserRole.valueOf(claims.get(ROLE, String.class).toUpperCase(java.util.Locale.ROOT));
    }

    public record IssuedTokens(String accessToken, String refreshToken, long expiresIn) {
    }

    public record AccessClaims(UserId userId, UserRole role) {
    }

    public record RefreshClaims(UserId userId, UserRole role, SessionId sessionId, RefreshTokenId tokenId) {
    }
}
