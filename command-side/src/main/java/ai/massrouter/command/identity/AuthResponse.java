package ai.massrouter.command.identity;

import ai.massrouter.command.identity.TokenService.IssuedTokens;

/** The document's register/login response: {@code user} and {@code tokens}. */
public record AuthResponse(UserSummary user, Tokens tokens) {

    public record UserSummary(String id, String email, String username, String role) {
    }

    public record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType) {

        public static Tokens of(IssuedTokens issued) {
            return new Tokens(issued.accessToken(), issued.refreshToken(), issued.expiresIn(), "Bearer");
        }
    }
}
