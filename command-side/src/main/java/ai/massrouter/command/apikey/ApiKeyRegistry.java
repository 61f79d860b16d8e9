package ai.massrouter.command.apikey;

import ai.massrouter.api.apikey.ApiKeyCreatedEvent;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.apikey.ApiKeyStatus;
import ai.massrouter.api.apikey.SpendLimits;

import java.time.Instant;
import java.util.Optional;

/**
 * The command side's strongly consistent table of keys by secret hash. Written only by the
 * {@link ApiKeyAggregate}, in the same transaction as its events; read by authentication, which
 * may cache a row until a change notice ({@link #CHANGES}) drops it.
 */
public interface ApiKeyRegistry {

    /** The topic of the change notices sent when a key's status or limits change; the id is the key id. */
    String CHANGES = "api_key";

    void register(ApiKeyCreatedEvent key);

    void changeStatus(ApiKeyId keyId, ApiKeyStatus status);

    void changeLimits(ApiKeyId keyId, SpendLimits limits, Integer rateLimitPerHour);

    void touch(ApiKeyId keyId, Instant at);

    Optional<ApiKeyRecord> findBySecretHash(String secretHash);
}
