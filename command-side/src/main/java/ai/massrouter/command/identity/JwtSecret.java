package ai.massrouter.command.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The JWT signing secret: {@code MASSROUTER_JWT_SECRET} when set (it must be equal on every
 * node), otherwise one generated once and kept in the data folder, so tokens survive a restart
 * of a single node. Any length of secret is accepted; the key is its SHA-256.
 */
@Component
public class JwtSecret {

    private static final Logger log = LoggerFactory.getLogger(JwtSecret.class);

    private final byte[] keyBytes;

    public JwtSecret(@Value("${massrouter.jwt.secret:}") String configured,
                     @Value("${massrouter.data-dir}") String dataDir) {
        String secret = configured.isBlank() ? loadOrCreate(Path.of(dataDir, "jwt-secret")) : configured;
        this.keyBytes = sha256(secret);
    }

    byte[] keyBytes() {
        return keyBytes.clone();
    }

    private static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            Files.writeString(file, secret);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file stays with default permissions
            }
            log.warn("MASSROUTER_JWT_SECRET is not set: generated a signing secret in {}. "
                    + "Set MASSROUTER_JWT_SECRET (the same on every node) before running more than one node.", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT secret file " + file, e);
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
