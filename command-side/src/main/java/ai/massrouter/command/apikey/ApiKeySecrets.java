package ai.massrouter.command.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API key secrets: {@code mr-} and 48 base62 characters (~285 bits) from a secure random
 * source. Stored only as SHA-256 (a slow hash is not needed for secrets of this entropy, and
 * every request must look one up); shown by an 11-character prefix.
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "mr-";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int LENGTH = 48;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    public static String generate() {
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    public static boolean looksLikeKey(String token) {
        return token.startsWith(PREFIX);
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String displayPrefix(String secret) {
        return secret.substring(0, PREFIX.length() + 8);
    }
}
