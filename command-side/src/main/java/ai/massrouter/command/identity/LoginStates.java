package ai.massrouter.command.identity;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.UserId;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Authorization requests in flight ({@code oauth_login_state}, shared by all nodes). A state is
 * single use (the callback deletes its row), bound to the browser that started it (the row keeps
 * the hash of a random value in that browser's cookie, and a callback with another cookie finds
 * nothing), and short-lived. Only hashes of the state and the cookie are stored.
 */
@Component
class LoginStates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OAuthProperties properties;

    LoginStates(JdbcTemplate jdbc, Clock clock, OAuthProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** {@code browser}: the value of the browser's cookie if it has a well-formed one (kept, so two tabs work). */
    Started start(String provider, String browser, boolean pkce, UserId linkTo) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM oauth_login_state WHERE expires_at < ?", Timestamp.from(now));
        String browserValue = wellFormed(browser) ? browser : random();
        String state = random();
        String verifier = pkce ? new CodeVerifier().getValue() : null;
        jdbc.update("""
                INSERT INTO oauth_login_state (state_hash, browser_hash, provider, code_verifier, link_user_id, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""", sha256(state), sha256(browserValue), provider, verifier,
                linkTo == null ? null : linkTo.value(), Timestamp.from(now.plus(properties.stateTtl())));
        return new Started(state, browserValue, verifier);
    }

    /** Spends the state; ERR_002 when it is missing, unknown, already used, another browser's or expired. */
    Pending consume(String provider, String state, String browser) {
        if (state == null || state.isBlank()) {
            throw refused("the state parameter is missing");
        }
        if (!wellFormed(browser)) {
            throw refused("this browser did not start the sign-in (no state cookie); start again");
        }
        List<Pending> rows = jdbc.query("""
                DELETE FROM oauth_login_state WHERE state_hash = ? AND browser_hash = ?
                RETURNING provider, code_verifier, link_user_id, expires_at""",
                (rs, i) -> new Pending(rs.getString(1), rs.getString(2),
                        rs.getString(3) == null ? null : UserId.of(rs.getString(3)), rs.getTimestamp(4).toInstant()),
                sha256(state), sha256(browser));
        if (rows.isEmpty()) {
            throw refused("the state is unknown, already used, or was issued to another browser; start again");
        }
        Pending pending = rows.get(0);
        if (!pending.provider().equals(provider)) {
            throw refused("the state was issued for another provider");
        }
        if (!clock.instant().isBefore(pending.expiresAt())) {
            throw refused("the sign-in took too long (state expired); start again");
        }
        return pending;
    }

    private static DomainException refused(String reason) {
        return new DomainException(ErrorCode.ERR_002, "Invalid sign-in state: " + reason, Map.of("state", reason));
    }

    private static boolean wellFormed(String value) {
        return value != null && value.matches("[A-Za-z0-9_-]{43}");
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Started(String state, String browser, String codeVerifier) {
    }

    record Pending(String provider, String codeVerifier, UserId linkTo, Instant expiresAt) {
    }
}
