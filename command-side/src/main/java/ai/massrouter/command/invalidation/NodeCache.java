package ai.massrouter.command.invalidation;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A node's copy of rows that change rarely and are read on every request. An entry is served only
 * while the node's {@link InvalidationListener} is fresh, that is, provably up to date with every
 * change committed more than one lease ago; otherwise the row is read from the database. Absent
 * rows are never cached (an unknown key costs a lookup, as before).
 * <p>
 * A load that overlaps an eviction is not kept: loads remember the cache's version, and evictions
 * move it, both under the cache's lock, so a row read before a change can never be put back after
 * the change's notice removed it.
 */
public final class NodeCache<K, V> {

    private final BooleanSupplier fresh;
    private final int maxEntries;
    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
    private long version;

    /** {@code fresh}: whether this node has heard every change committed more than one lease ago. */
    public NodeCache(BooleanSupplier fresh, int maxEntries) {
        this.fresh = fresh;
        this.maxEntries = maxEntries;
    }

    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        // freshness first, then the entry: a change older than the lease was applied before this line
        if (!fresh.getAsBoolean()) {
            return load.apply(key);
        }
        V cached = entries.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long seen;
        synchronized (this) {
            seen = version;
        }
        Optional<V> loaded = load.apply(key);
        loaded.ifPresent(value -> keep(key, value, seen));
        return loaded;
    }

    /** Changes an entry this node holds (never brings back one that was evicted). */
    public void update(K key, UnaryOperator<V> change) {
        entries.computeIfPresent(key, (k, v) -> change.apply(v));
    }

    /** Drops every entry the predicate matches; called by the listener for each change notice. */
    public synchronized void evictWhere(Predicate<V> changed) {
        version++;
        entries.values().removeIf(changed);
    }

    public synchronized void clear() {
        version++;
        entries.clear();
    }

    private synchronized void keep(K key, V value, long seen) {
        if (version != seen) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, value);
    }
}
