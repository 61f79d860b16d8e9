package ai.massrouter.api.user;

/** What a refresh did: rotated the token, or found a replayed token and revoked the whole session. */
public enum RefreshOutcome {
    ROTATED, REUSE_DETECTED, SESSION_UNKNOWN
}
