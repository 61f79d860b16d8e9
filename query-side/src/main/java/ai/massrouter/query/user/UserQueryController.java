package ai.massrouter.query.user;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.PageRequest;
import ai.massrouter.api.user.AdminUserPageView;
import ai.massrouter.api.user.AdminUserSort;
import ai.massrouter.api.user.FindAdminUsersQuery;
import ai.massrouter.api.user.FindUserQuery;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.api.user.UserStatus;
import ai.massrouter.api.user.UserView;
import ai.massrouter.query.common.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

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

    /**
     * Every user with balance, total top-ups and total spend; {@code search} in e-mail and username,
     * filters {@code status} and {@code role}, {@code sort_by} created_at (default, newest first),
     * email, balance, top_ups or spend, {@code order} asc or desc.
     */
    @GetMapping("/api/v1/admin/users")
    public Page users(Caller caller,
                      @RequestParam(defaultValue = "1") int page,
                      @RequestParam(defaultValue = "20") int limit,
                      @RequestParam(required = false) String status,
                      @RequestParam(required = false) String role,
                      @RequestParam(required = false) String search,
                      @RequestParam(name = "sort_by", defaultValue = "created_at") String sortBy,
                      @RequestParam(required = false) String order) {
        caller.requireAdmin();
        UserStatus statusFilter = status == null ? null : parseStatus(status);
        UserRole roleFilter = role == null ? null : switch (role) {
            case "user" -> UserRole.USER;
            case "admin" -> UserRole.ADMIN;
            default -> throw DomainException.invalid("role", "must be user or admin");
        };
        if (search != null && search.length() > 200) {
            throw DomainException.invalid("search", "must be at most 200 characters");
        }
        AdminUserSort sort = AdminUserSort.fromWire(sortBy).orElseThrow(() -> DomainException.invalid("sort_by",
                "must be one of created_at, email, balance, top_ups, spend"));
        boolean descending = order == null ? sort != AdminUserSort.EMAIL : switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw DomainException.invalid("order", "must be asc or desc");
        };
        AdminUserPageView view = reads.ask(new FindAdminUsersQuery(new PageRequest(page, limit), search, statusFilter,
                roleFilter, sort, descending), AdminUserPageView.class).orElseThrow();
        return new Page(view.items().stream().map(u -> new AdminUser(u.user().id(), u.user().email(),
                u.user().username(), u.user().avatarUrl(), u.user().role().wireName(), u.user().status().wireName(),
                u.user().createdAt(), u.user().updatedAt(), u.user().lastLoginAt(), u.balance().toDecimal(),
                u.topUps().toDecimal(), u.spend().toDecimal(), u.calls(), u.balance().currency())).toList(),
                view.page(), view.limit(), view.total());
    }

    private static UserStatus parseStatus(String status) {
        try {
            return UserStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "must be one of active, inactive, suspended");
        }
    }

    public record AdminUser(String id, String email, String username, String avatarUrl, String role, String status,
                            Instant createdAt, Instant updatedAt, Instant lastLoginAt, BigDecimal balance,
                            BigDecimal totalTopUps, BigDecimal totalSpend, long calls, String currency) {
    }

    public record Page(List<AdminUser> items, int page, int limit, long total) {
    }
}
