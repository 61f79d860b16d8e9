package ai.massrouter.command.user;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.ChangeUserStatusCommand;
import ai.massrouter.api.user.UserId;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

@RestController
@RequestMapping("/api/v1/admin/users")
public class AdminUserController {

    private final CommandGateway commands;
    private final Clock clock;

    public AdminUserController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PutMapping("/{userId}/status")
    public StatusChanged changeStatus(Caller caller, @PathVariable String userId, @Valid @RequestBody StatusRequest request) {
        caller.requireAdmin();
        if (caller.userId().value().equals(userId)) {
            throw new DomainException(ErrorCode.ERR_001, "Administrators cannot change their own status",
                    java.util.Map.of("user_id", "is your own account"));
        }
        Instant now = clock.instant();
        commands.sendAndWait(new ChangeUserStatusCommand(UserId.of(userId), request.status(), request.reason(),
                caller.userId(), now));
        return new StatusChanged(userId, request.status().wireName(), now);
    }

    public record StatusChanged(String id, String status, Instant updatedAt) {
    }
}
