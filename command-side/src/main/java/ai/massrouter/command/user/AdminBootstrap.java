package ai.massrouter.command.user;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.user.RegisterUserCommand;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserRole;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * An administrator from the first start. With MASSROUTER_ADMIN_EMAIL / _PASSWORD set, creates
 * that administrator once. With neither set and no administrator yet (a fresh database), creates
 * {@value #FIRST_ADMIN_EMAIL} with a random password and prints both once: the log line is the
 * only place the password ever appears (the event and the lookup table hold a BCrypt hash).
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

    public static final String FIRST_ADMIN_EMAIL = "admin@massrouter.local";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommandGateway commands;
    private final UserDirectory users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String email;
    private final String password;

    public AdminBootstrap(CommandGateway commands, UserDirectory users, PasswordEncoder passwordEncoder, Clock clock,
                          @Value("${massrouter.admin.email:}") String email,
                          @Value("${massrouter.admin.password:}") String password) {
        this.commands = commands;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank()) {
            createFirstAdministrator();
            return;
        }
        if (password.length() < UserRules.MIN_PASSWORD) {
            throw new IllegalStateException("MASSROUTER_ADMIN_PASSWORD must have at least " + UserRules.MIN_PASSWORD
                    + " characters when MASSROUTER_ADMIN_EMAIL is set");
        }
        if (users.findUserId(email).isPresent()) {
            log.info("Administrator {} already exists", email);
            return;
        }
        UserId userId = register(email.trim(), password);
        log.info("Created administrator {} ({})", email, userId);
    }

    private void createFirstAdministrator() {
        if (users.anyAdministrator()) {
            return;
        }
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        String oneTimePassword = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            register(FIRST_ADMIN_EMAIL, oneTimePassword);
        } catch (DomainException | CommandExecutionException e) {
            // another node of the same first start claimed the address first: its log has the password
            log.info("Administrator {} was created by another node", FIRST_ADMIN_EMAIL);
            return;
        }
        // a line that can be pasted into a shell as is (README, quick start); it is never printed again
        log.warn("""

                First start: created the administrator {}; its password is shown only now. Sign in with:
                export MR_ADMIN_EMAIL={} MR_ADMIN_PASSWORD={}
                """, FIRST_ADMIN_EMAIL, FIRST_ADMIN_EMAIL, oneTimePassword);
    }

    private UserId register(String address, String secret) {
        UserId userId = UserId.generate();
        String username = freeUsername(address.substring(0, address.indexOf('@'))
                .replaceAll("[^\\p{L}\\p{N}_.-]", "_"));
        commands.sendAndWait(new RegisterUserCommand(userId, address, username,
                passwordEncoder.encode(secret), UserRole.ADMIN, null, null, clock.instant()));
        return userId;
    }

    /** Usernames are unique: if someone registered the e-mail's local part first, the admin gets name_2, ... */
    private String freeUsername(String base) {
        String candidate = base;
        for (int n = 2; users.usernameTaken(candidate); n++) {
            candidate = base + "_" + n;
        }
        return candidate;
    }
}
