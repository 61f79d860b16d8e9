package ai.massrouter.command.identity;

import ai.massrouter.api.user.UserId;
import ai.massrouter.command.apikey.ApiKeyRecord;
import ai.massrouter.command.apikey.ApiKeyRegistry;
import ai.massrouter.command.invalidation.InvalidationListener;
import ai.massrouter.command.invalidation.NodeCache;
import ai.massrouter.command.user.UserDirectory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * What authentication reads on every request, held by the node: API keys by the hash of their
 * secret (with their owner's role and status) and users' role and status by id. A key's revocation,
 * expiry or change of limits, and a user's change of status, send a notice that drops the row on
 * every node before the changing command returns (see {@link InvalidationListener}); until then the
 * row costs no database round trip.
 */
@Component
class CredentialCache {

    /** Enough for every active key and user of a large installation; past it the cache starts over. */
    private static final int MAX_ENTRIES = 100_000;

    private final ApiKeyRegistry keyRegistry;
    private final UserDirectory userDirectory;
    private final NodeCache<String, ApiKeyRecord> keys;
    private final NodeCache<UserId, UserDirectory.Entry> users;

    CredentialCache(ApiKeyRegistry keyRegistry, UserDirectory userDirectory, InvalidationListener listener) {
        this.keyRegistry = keyRegistry;
        this.userDirectory = userDirectory;
        this.keys = new NodeCache<>(listener::fresh, MAX_ENTRIES);
        this.users = new NodeCache<>(listener::fresh, MAX_ENTRIES);
        listener.subscribe(ApiKeyRegistry.CHANGES, id -> keys.evictWhere(k -> k.keyId().value().equals(id)), keys::clear);
        // a key carries its owner's status: a user's change drops the user's keys too
        listener.subscribe(UserDirectory.CHANGES, id -> {
            users.evictWhere(u -> u.userId().value().equals(id));
            keys.evictWhere(k -> k.userId().value().equals(id));
        }, users::clear);
    }

    Optional<ApiKeyRecord> keyBySecretHash(String secretHash) {
        return keys.get(secretHash, keyRegistry::findBySecretHash);
    }

    /** This node's copy now knows the use recorded at {@code at} (other nodes record theirs at most once a minute). */
    void keyUsed(String secretHash, Instant at) {
        keys.update(secretHash, key -> key.usedAt(at));
    }

    Optional<UserDirectory.Entry> user(UserId userId) {
        return users.get(userId, userDirectory::find);
    }
}
