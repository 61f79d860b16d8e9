package ai.massrouter.command.identity;

/**
 * Limits login and registration attempts on one e-mail against password guessing (the client
 * address has its own budget, taken before the request gets here). Throws RATE_001 when spent.
 */
public interface AuthAttemptLimiter {

    void check(String email);
}
