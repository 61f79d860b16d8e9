package ai.massrouter.command.apikey;

import ai.massrouter.api.apikey.ApiKeyCreatedEvent;
import ai.massrouter.api.apikey.ApiKeyExpiredEvent;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.apikey.ApiKeyLimitsChangedEvent;
import ai.massrouter.api.apikey.ApiKeyRevokedEvent;
import ai.massrouter.api.apikey.ApiKeyStatus;
import ai.massrouter.api.apikey.ApiKeyUsedEvent;
import ai.massrouter.api.apikey.ChangeApiKeyLimitsCommand;
import ai.massrouter.api.apikey.CreateApiKeyCommand;
import ai.massrouter.api.apikey.LimitField;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.apikey.ExpireApiKeyCommand;
import ai.massrouter.api.apikey.RecordApiKeyUseCommand;
import ai.massrouter.api.apikey.RevokeApiKeyCommand;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.UserId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One API key: owner, status, expiry and limits. Its lookup row moves in the same transaction. */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ApiKeyAggregate {

    /** Use of a key is recorded at most this often, so a busy key does not flood the log. */
    static final Duration USE_RECORD_INTERVAL = Duration.ofMinutes(1);

    @AggregateIdentifier
    private ApiKeyId keyId;
    private UserId owner;
    private ApiKeyStatus status;
    private Instant expiresAt;
    private Instant lastUseRecorded;
    private SpendLimits spendLimits;
    private Integer rateLimitPerHour;

    protected ApiKeyAggregate() {
    }

    @CommandHandler
    public ApiKeyAggregate(CreateApiKeyCommand command, ApiKeyRegistry registry) {
        ApiKeyCreatedEvent created = new ApiKeyCreatedEvent(command.keyId(), command.userId(), command.name(),
                command.secretHash(), command.prefix(), command.permissions(), command.expiresAt(),
                command.spendLimits(), command.rateLimitPerHour(), command.at());
        registry.register(created);
        apply(created);
    }

    @CommandHandler
    public void handle(RevokeApiKeyCommand command, ApiKeyRegistry registry) {
        ensureOwnedBy(command.requestedBy());
        if (status == ApiKeyStatus.REVOKED) {
            return;
        }
        registry.changeStatus(keyId, ApiKeyStatus.REVOKED);
        apply(new ApiKeyRevokedEvent(keyId, owner, command.requestedBy(), command.at()));
    }

    @CommandHandler
    public ApiKeyLimitsChangedEvent handle(ChangeApiKeyLimitsCommand command, ApiKeyRegistry registry) {
        ensureOwnedBy(command.requestedBy());
        if (status == ApiKeyStatus.REVOKED) {
            throw new DomainException(ErrorCode.ERR_001, "A revoked key cannot be changed");
        }
        SpendLimits current = spendLimits == null ? SpendLimits.NONE : spendLimits;
        SpendLimits sent = command.spendLimits() == null ? SpendLimits.NONE : command.spendLimits();
        Set<LimitField> kept = command.kept();
        SpendLimits limits = new SpendLimits(
                kept.contains(LimitField.TOTAL) ? current.total() : sent.total(),
                kept.contains(LimitField.DAILY) ? current.daily() : sent.daily(),
                kept.contains(LimitField.MONTHLY) ? current.monthly() : sent.monthly());
        Integer rate = kept.contains(LimitField.RATE_LIMIT_PER_HOUR) ? rateLimitPerHour : command.rateLimitPerHour();
        registry.changeLimits(keyId, limits, rate);
        ApiKeyLimitsChangedEvent changed = new ApiKeyLimitsChangedEvent(keyId, owner, limits, rate, command.at());
        apply(changed);
        return changed;
    }

    @CommandHandler
    public void handle(ExpireApiKeyCommand command, ApiKeyRegistry registry) {
        if (status != ApiKeyStatus.ACTIVE || expiresAt == null || command.at().isBefore(expiresAt)) {
            return;
        }
        registry.changeStatus(keyId, ApiKeyStatus.EXPIRED);
        apply(new ApiKeyExpiredEvent(keyId, owner, expiresAt, command.at()));
    }

    @CommandHandler
    public void handle(RecordApiKeyUseCommand command, ApiKeyRegistry registry) {
        if (lastUseRecorded != null && command.at().isBefore(lastUseRecorded.plus(USE_RECORD_INTERVAL))) {
            return;
        }
        registry.touch(keyId, command.at());
        apply(new ApiKeyUsedEvent(keyId, owner, command.at()));
    }

    /** Another user's key is reported as missing, not as forbidden: ids are not to be probed. */
    private void ensureOwnedBy(UserId requester) {
        if (!owner.equals(requester)) {
            throw DomainException.notFound("API key " + keyId);
        }
    }

    @EventSourcingHandler
    void on(ApiKeyCreatedEvent event) {
        keyId = event.keyId();
        owner = event.userId();
        status = ApiKeyStatus.ACTIVE;
        expiresAt = event.expiresAt();
        spendLimits = event.spendLimits();
        rateLimitPerHour = event.rateLimitPerHour();
    }

    @EventSourcingHandler
    void on(ApiKeyLimitsChangedEvent event) {
        spendLimits = event.spendLimits();
        rateLimitPerHour = event.rateLimitPerHour();
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        status = ApiKeyStatus.REVOKED;
    }

    @EventSourcingHandler
    void on(ApiKeyExpiredEvent event) {
        status = ApiKeyStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(ApiKeyUsedEvent event) {
        lastUseRecorded = event.at();
    }
}
