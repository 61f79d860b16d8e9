package ai.massrouter.api.live;

/** Who may receive a {@link LiveUpdate}: its owner (the user it is about), every subscriber, or administrators. */
public enum LiveAudience {
    OWNER, EVERYONE, ADMINS
}
