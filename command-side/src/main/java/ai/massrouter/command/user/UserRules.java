package ai.massrouter.command.user;

/** The shape rules of user input, shared by every request that carries these fields. */
final class UserRules {

    static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    static final String USERNAME_PATTERN = "^[\\p{L}\\p{N}_.-]+$";
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;

    private UserRules() {
    }
}
