package ai.massrouter.command.user;

import ai.massrouter.api.user.RegisterUserCommand;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserRole;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Creates the administrator named by MASSROUTER_ADMIN_EMAIL / _PASSWORD at start-up, once. */
@Component
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

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
        UserId userId = UserId.generate();
        String username = freeUsername(email.substring(0, email.indexOf('@')).replaceAll("[^\\p{L}\\p{N}_.-]", "_"));
        commands.sendAndWait(new RegisterUserCommand(userId, email.trim(), username,
                passwordEncoder.encode(password), UserRole.ADMIN, null, null, clock.instant()));
        log.info("Created administrator {} ({}) with username {}", email, userId, username);
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
