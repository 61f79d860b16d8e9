package ai.massrouter.command.user;

/** The shape rules of user input, shared by every request that carries these fields. */
public final class UserRules {

    public static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    public static final String USERNAME_PATTERN = "^[\\p{L}\\p{N}_.-]+$";
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 128;

    private UserRules() {
    }
}
