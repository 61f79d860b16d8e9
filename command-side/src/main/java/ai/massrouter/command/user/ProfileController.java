package ai.massrouter.command.user;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.user.UpdateUserProfileCommand;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

@RestController
@RequestMapping("/api/v1/users/me")
public class ProfileController {

    private final CommandGateway commands;
    private final Clock clock;

    public ProfileController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PutMapping
    public ProfileUpdated update(Caller caller, @Valid @RequestBody UpdateProfileRequest request) {
        Instant now = clock.instant();
        commands.sendAndWait(new UpdateUserProfileCommand(caller.userId(), request.username(), request.avatarUrl(), now));
        return new ProfileUpdated(caller.userId().value(), request.username(), request.avatarUrl(), now);
    }

    /** The fields that were sent, echoed with the time of the change. */
    public record ProfileUpdated(String id, String username, String avatarUrl, Instant updatedAt) {
    }
}
