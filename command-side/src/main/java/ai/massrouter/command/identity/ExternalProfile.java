package ai.massrouter.command.identity;

/**
 * Who a provider says signed in: its stable {@code subject} (GitHub {@code id}, Google {@code sub},
 * WeChat {@code unionid} else {@code openid}, ...), and what helps to open an account. {@code email}
 * is set only when the provider vouches that the person owns it; otherwise null.
 */
public record ExternalProfile(String provider, String subject, String email, String login, String avatarUrl) {

    public ExternalProfile {
        if (subject == null || subject.isBlank()) {
            throw ProviderFailures.badAnswer(provider, "no user id in the answer");
        }
    }
}
