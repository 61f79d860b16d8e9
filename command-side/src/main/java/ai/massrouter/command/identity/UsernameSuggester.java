package ai.massrouter.command.identity;

import java.security.SecureRandom;
import java.text.Normalizer;

/**
 * A username for a user who signs up through a provider: the provider login (or name) reduced to
 * the characters usernames allow, plus a random suffix so that two people called "alice" on two
 * providers do not collide ({@code alice_k3x9qz}).
 */
final class UsernameSuggester {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int MAX_BASE = 24;

    private UsernameSuggester() {
    }

    static String suggest(ExternalProfile profile) {
        String base = profile.login() == null ? "" : Normalizer.normalize(profile.login(), Normalizer.Form.NFKC)
                .replaceAll("[^\\p{L}\\p{N}_.-]", "");
        if (base.isEmpty()) {
            base = profile.provider();
        }
        if (base.codePointCount(0, base.length()) > MAX_BASE) {
            base = base.substring(0, base.offsetByCodePoints(0, MAX_BASE));
        }
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return base + "_" + suffix;
    }
}
