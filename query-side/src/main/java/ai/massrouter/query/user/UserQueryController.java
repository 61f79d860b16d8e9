package ai.massrouter.query.user;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.PageRequest;
import ai.massrouter.api.user.FindUserQuery;
import ai.massrouter.api.user.FindUsersQuery;
import ai.massrouter.api.user.UserPageView;
import ai.massrouter.api.user.UserStatus;
import ai.massrouter.api.user.UserView;
import ai.massrouter.query.common.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class UserQueryController {

    private final ReadYourWrites reads;

    public UserQueryController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/users/me")
    public UserView me(Caller caller) {
        return reads.awaitPresent(new FindUserQuery(caller.userId()), UserView.class)
                .orElseThrow(() -> DomainException.notFound("User"));
    }

    @GetMapping("/api/v1/admin/users")
    public UserPageView users(Caller caller,
                              @RequestParam(defaultValue = "1") int page,
                              @RequestParam(defaultValue = "20") int limit,
                              @RequestParam(required = false) String status,
                              @RequestParam(required = false) String search) {
        caller.requireAdmin();
        UserStatus statusFilter = status == null ? null : parseStatus(status);
        return reads.ask(new FindUsersQuery(new PageRequest(page, limit), statusFilter, search), UserPageView.class)
                .orElseThrow();
    }

    private static UserStatus parseStatus(String status) {
        try {
            return UserStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "must be one of active, inactive, suspended");
        }
    }
}
