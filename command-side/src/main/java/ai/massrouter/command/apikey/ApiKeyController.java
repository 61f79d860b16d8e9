package ai.massrouter.command.apikey;

import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.apikey.ApiKeyStatus;
import ai.massrouter.api.apikey.ApiKeyView;
import ai.massrouter.api.apikey.FindApiKeyQuery;
import ai.massrouter.api.apikey.ApiKeyLimitsChangedEvent;
import ai.massrouter.api.apikey.ChangeApiKeyLimitsCommand;
import ai.massrouter.api.apikey.CreateApiKeyCommand;
import ai.massrouter.api.apikey.RevokeApiKeyCommand;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.apikey.SpendLimitsJson;
import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.apikey.Permission;
import ai.massrouter.api.common.BillingSettings;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.command.config.ReadModelCatchUp;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.Set;

/**
 * Key management needs the user's login session (a JWT): an API key may not create, change or
 * revoke keys, its own included. The security chain refuses it first; these checks stay as a second lock.
 */
@RestController
@RequestMapping("/api/v1/users/me/api-keys")
public class ApiKeyController {

    private final CommandGateway commands;
    private final Clock clock;
    private final String currency;
    private final ReadModelCatchUp catchUp;

    public ApiKeyController(CommandGateway commands, Clock clock,
                            BillingSettings billing, ReadModelCatchUp catchUp) {
        this.commands = commands;
        this.clock = clock;
        this.currency = billing.currency();
        this.catchUp = catchUp;
    }

    /** Answers once the key list shows what this write did (read your own writes). */
    private void awaitListed(Caller caller, ApiKeyId keyId, Predicate<ApiKeyView> shows) {
        catchUp.await(new FindApiKeyQuery(caller.userId(), keyId), ApiKeyView.class, shows);
    }

    /** The only response that ever contains the secret. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CreatedApiKey create(Caller caller, @Valid @RequestBody CreateApiKeyRequest request) {
        caller.requireUserSession();
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw DomainException.invalid("expires_at", "must be in the future");
        }
        Set<Permission> permissions = permissions(request.permissions());
        SpendLimits limits = request.spendLimit() == null ? SpendLimits.NONE : request.spendLimit().toLimits(currency);
        String secret = ApiKeySecrets.generate();
        ApiKeyId keyId = ApiKeyId.generate();
        commands.sendAndWait(new CreateApiKeyCommand(keyId, caller.userId(), request.name().trim(),
                ApiKeySecrets.hash(secret), ApiKeySecrets.displayPrefix(secret), permissions, request.expiresAt(),
                limits, request.rateLimitPerHour(), now));
        awaitListed(caller, keyId, view -> true);
        return new CreatedApiKey(keyId.value(), request.name().trim(), secret, ApiKeySecrets.displayPrefix(secret),
                permissions, "active", now, request.expiresAt(), SpendLimitsJson.of(limits, currency),
                request.rateLimitPerHour());
    }

    @DeleteMapping("/{keyId}")
    public Revoked revoke(Caller caller, @PathVariable String keyId) {
        caller.requireUserSession();
        Instant now = clock.instant();
        commands.sendAndWait(new RevokeApiKeyCommand(ApiKeyId.of(keyId), caller.userId(), now));
        awaitListed(caller, ApiKeyId.of(keyId), view -> view.status() == ApiKeyStatus.REVOKED);
        return new Revoked(keyId, "revoked", now);
    }

    /** A partial update: what the body leaves out keeps its value (see {@link ChangeLimitsRequest}). */
    @PutMapping("/{keyId}/limits")
    public LimitsChanged changeLimits(Caller caller, @PathVariable String keyId, @RequestBody JsonNode body) {
        caller.requireUserSession();
        ChangeLimitsRequest request = ChangeLimitsRequest.parse(body, currency);
        Instant now = clock.instant();
        ApiKeyLimitsChangedEvent changed = commands.sendAndWait(new ChangeApiKeyLimitsCommand(ApiKeyId.of(keyId),
                caller.userId(), request.spendLimits(), request.rateLimitPerHour(), request.kept(), now));
        awaitListed(caller, ApiKeyId.of(keyId), view -> Objects.equals(view.spendLimits(), changed.spendLimits())
                && Objects.equals(view.rateLimitPerHour(), changed.rateLimitPerHour()));
        return new LimitsChanged(keyId, SpendLimitsJson.of(changed.spendLimits(), currency),
                changed.rateLimitPerHour(), now);
    }

    private static Set<Permission> permissions(List<String> names) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String name : names) {
            try {
                permissions.add(Permission.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("permissions", "each must be read or write, got " + name);
            }
        }
        return permissions;
    }

    public record CreatedApiKey(String id, String name, String key, String prefix, Set<Permission> permissions,
                                String status, Instant createdAt, Instant expiresAt, SpendLimitsJson spendLimit,
                                Integer rateLimitPerHour) {
    }

    public record Revoked(String id, String status, Instant revokedAt) {
    }

    public record LimitsChanged(String id, SpendLimitsJson spendLimit, Integer rateLimitPerHour, Instant updatedAt) {
    }
}
