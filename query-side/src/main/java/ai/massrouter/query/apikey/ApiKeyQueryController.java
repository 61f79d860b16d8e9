package ai.massrouter.query.apikey;

import ai.massrouter.api.apikey.ApiKeyPageView;
import ai.massrouter.api.apikey.ApiKeyView;
import ai.massrouter.api.apikey.FindApiKeysQuery;
import ai.massrouter.api.apikey.SpendLimitsJson;
import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.apikey.Permission;
import ai.massrouter.api.common.BillingSettings;
import ai.massrouter.api.common.PageRequest;
import ai.massrouter.query.common.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Set;

@RestController
public class ApiKeyQueryController {

    private final ReadYourWrites reads;
    private final String currency;

    public ApiKeyQueryController(ReadYourWrites reads, BillingSettings billing) {
        this.reads = reads;
        this.currency = billing.currency();
    }

    @GetMapping("/api/v1/users/me/api-keys")
    public Page keys(Caller caller, @RequestParam(defaultValue = "1") int page,
                     @RequestParam(defaultValue = "20") int limit,
                     @RequestParam(name = "include_revoked", defaultValue = "false") boolean includeRevoked) {
        caller.requireUserSession();
        ApiKeyPageView view = reads.ask(new FindApiKeysQuery(caller.userId(), new PageRequest(page, limit),
                includeRevoked), ApiKeyPageView.class).orElseThrow();
        return new Page(view.items().stream().map(this::item).toList(), view.page(), view.limit(), view.total());
    }

    private Item item(ApiKeyView v) {
        return new Item(v.id(), v.name(), v.prefix(), v.permissions(), v.status().wireName(), v.createdAt(),
                v.lastUsedAt(), v.expiresAt(), v.revokedAt(), SpendLimitsJson.of(v.spendLimits(), currency),
                v.rateLimitPerHour());
    }

    public record Page(List<Item> items, int page, int limit, long total) {
    }

    public record Item(String id, String name, String prefix, Set<Permission> permissions, String status,
                       Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt,
                       SpendLimitsJson spendLimit, Integer rateLimitPerHour) {
    }
}
