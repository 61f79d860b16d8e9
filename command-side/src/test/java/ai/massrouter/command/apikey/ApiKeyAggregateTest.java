package ai.massrouter.command.apikey;

import ai.massrouter.api.apikey.ApiKeyCreatedEvent;
import ai.massrouter.api.apikey.ApiKeyExpiredEvent;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.apikey.ApiKeyLimitsChangedEvent;
import ai.massrouter.api.apikey.ApiKeyRevokedEvent;
import ai.massrouter.api.apikey.ApiKeyStatus;
import ai.massrouter.api.apikey.ApiKeyUsedEvent;
import ai.massrouter.api.apikey.ChangeApiKeyLimitsCommand;
import ai.massrouter.api.apikey.LimitField;
import ai.massrouter.api.apikey.CreateApiKeyCommand;
import ai.massrouter.api.apikey.ExpireApiKeyCommand;
import ai.massrouter.api.apikey.RecordApiKeyUseCommand;
import ai.massrouter.api.apikey.RevokeApiKeyCommand;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.apikey.Permission;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static ai.massrouter.command.DomainMatchers.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyAggregateTest {

    private static final ApiKeyId KEY = ApiKeyId.of("key_1");
    private static final UserId OWNER = UserId.of("usr_owner");
    private static final UserId STRANGER = UserId.of("usr_stranger");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRY = T0.plusSeconds(3600);

    private AggregateTestFixture<ApiKeyAggregate> fixture;
    private final List<String> registryCalls = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiKeyAggregate.class);
        fixture.registerInjectableResource(new RecordingRegistry());
    }

    private static ApiKeyCreatedEvent created() {
        return new ApiKeyCreatedEvent(KEY, OWNER, "ci", "hash", "mr-abcdefgh", Set.of(Permission.READ), EXPIRY,
                SpendLimits.NONE, null, T0);
    }

    @Test
    void create_registersTheHashAndRecordsNoSecret() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiKeyCommand(KEY, OWNER, "ci", "hash", "mr-abcdefgh", Set.of(Permission.READ), EXPIRY,
                        SpendLimits.NONE, null, T0))
                .expectEvents(created());
        assertThat(registryCalls).containsExactly("register key_1");
    }

    @Test
    void revoke_byOwner_revokesOnce() {
        fixture.given(created())
                .when(new RevokeApiKeyCommand(KEY, OWNER, T0))
                .expectEvents(new ApiKeyRevokedEvent(KEY, OWNER, OWNER, T0));
        assertThat(registryCalls).containsExactly("status key_1 REVOKED");
    }

    @Test
    void revoke_ofRevokedKey_changesNothing() {
        fixture.given(created(), new ApiKeyRevokedEvent(KEY, OWNER, OWNER, T0))
                .when(new RevokeApiKeyCommand(KEY, OWNER, T0))
                .expectNoEvents();
    }

    @Test
    void revoke_byAnotherUser_looksLikeAMissingKey() {
        fixture.given(created())
                .when(new RevokeApiKeyCommand(KEY, STRANGER, T0))
                .expectException(refusedWith(ErrorCode.ERR_004))
                .expectNoEvents();
    }

    @Test
    void limits_changeOnlyForTheOwner_andNotOnceRevoked() {
        SpendLimits limits = new SpendLimits(Money.of(10, "CNY"), null, null);
        fixture.given(created())
                .when(new ChangeApiKeyLimitsCommand(KEY, OWNER, limits, 60, Set.of(), T0))
                .expectEvents(new ApiKeyLimitsChangedEvent(KEY, OWNER, limits, 60, T0));
        fixture.given(created(), new ApiKeyRevokedEvent(KEY, OWNER, OWNER, T0))
                .when(new ChangeApiKeyLimitsCommand(KEY, OWNER, limits, 60, Set.of(), T0))
                .expectException(refusedWith(ErrorCode.ERR_001));
    }

    @Test
    void limits_partialUpdate_keepsWhatWasNotSent() {
        SpendLimits first = new SpendLimits(Money.of(10, "CNY"), Money.of(2, "CNY"), null);
        fixture.given(created(), new ApiKeyLimitsChangedEvent(KEY, OWNER, first, 60, T0))
                .when(new ChangeApiKeyLimitsCommand(KEY, OWNER, new SpendLimits(null, null, Money.of(30, "CNY")), null,
                        Set.of(LimitField.TOTAL, LimitField.RATE_LIMIT_PER_HOUR), T0))
                .expectEvents(new ApiKeyLimitsChangedEvent(KEY, OWNER,
                        new SpendLimits(Money.of(10, "CNY"), null, Money.of(30, "CNY")), 60, T0));
    }

    @Test
    void expire_beforeExpiry_doesNothing_after_recordsIt() {
        fixture.given(created())
                .when(new ExpireApiKeyCommand(KEY, EXPIRY.minusSeconds(1)))
                .expectNoEvents();
        fixture.given(created())
                .when(new ExpireApiKeyCommand(KEY, EXPIRY))
                .expectEvents(new ApiKeyExpiredEvent(KEY, OWNER, EXPIRY, EXPIRY));
    }

    @Test
    void use_isRecordedAtMostOncePerInterval() {
        fixture.given(created(), new ApiKeyUsedEvent(KEY, OWNER, T0))
                .when(new RecordApiKeyUseCommand(KEY, T0.plusSeconds(30)))
                .expectNoEvents();
        Instant later = T0.plus(ApiKeyAggregate.USE_RECORD_INTERVAL);
        fixture.given(created(), new ApiKeyUsedEvent(KEY, OWNER, T0))
                .when(new RecordApiKeyUseCommand(KEY, later))
                .expectEvents(new ApiKeyUsedEvent(KEY, OWNER, later));
    }

    /** Records what the aggregate asked of its lookup table; the JDBC one is covered over HTTP. */
    private class RecordingRegistry implements ApiKeyRegistry {
        @Override
        public void register(ApiKeyCreatedEvent key) {
            registryCalls.add("register " + key.keyId());
        }

        @Override
        public void changeStatus(ApiKeyId keyId, ApiKeyStatus status) {
            registryCalls.add("status " + keyId + " " + status);
        }

        @Override
        public void changeLimits(ApiKeyId keyId, SpendLimits limits, Integer rateLimitPerHour) {
            registryCalls.add("limits " + keyId);
        }

        @Override
        public void touch(ApiKeyId keyId, Instant at) {
            registryCalls.add("touch " + keyId);
        }

        @Override
        public Optional<ApiKeyRecord> findBySecretHash(String secretHash) {
            return Optional.empty();
        }
    }
}
