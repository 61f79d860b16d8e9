package ai.massrouter.command.identity;

import java.util.regex.Pattern;

/**
 * Who a provider says signed in: its stable {@code subject} (GitHub {@code id}, Google {@code sub},
 * WeChat {@code unionid} else {@code openid}, ...), and what helps to open an account. {@code email}
 * is set only when the provider vouches that the person owns it; otherwise null. What does not
 * fit (an over-long value, an avatar that is not an http(s) URL) is dropped, never stored.
 */
public record ExternalProfile(String provider, String subject, String email, String login, String avatarUrl) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public ExternalProfile {
        if (subject == null || subject.isBlank() || subject.length() > 255) {
            throw ProviderFailures.badAnswer(provider, "no usable user id in the answer");
        }
        email = email != null && email.length() <= 254 && EMAIL.matcher(email.trim()).matches() ? email.trim() : null;
        login = login != null && login.length() <= 256 ? login : null;
        avatarUrl = avatarUrl != null && avatarUrl.length() <= 2048
                && (avatarUrl.startsWith("https://") || avatarUrl.startsWith("http://")) ? avatarUrl : null;
    }
}
