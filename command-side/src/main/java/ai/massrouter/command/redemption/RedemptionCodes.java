package ai.massrouter.command.redemption;

import java.security.SecureRandom;

/** New codes: {@code MR-XXXX-XXXX-XXXX-XXXX}, 80 random bits in Crockford's base32 (no I, L, O, U). */
final class RedemptionCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RedemptionCodes() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder("MR");
        for (int i = 0; i < 16; i++) {
            if (i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
