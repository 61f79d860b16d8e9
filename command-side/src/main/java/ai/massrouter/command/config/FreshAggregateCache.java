package ai.massrouter.command.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;

import java.lang.reflect.Field;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The aggregate cache of a node that shares its event store with other nodes. A cached aggregate
 * goes stale when another node appends to its stream; an append from the stale copy is refused by
 * the store's (aggregate, sequence) key and retried, but a refusal decided on it appends nothing and
 * would stand (a charge refused with BILL_001 after another node credited the account, a refresh
 * token taken for a reused one after another node rotated it). So before Axon uses a cached
 * aggregate (inside the command's lock and transaction) its version is compared with the stream's
 * last sequence number, one index lookup; a stale entry is dropped and the aggregate reloaded from
 * its snapshot and the events after it. A unit of work that loads many aggregates reads their
 * streams' last sequence numbers in one query first ({@link LatestSequences}).
 */
final class FreshAggregateCache implements Cache {

    private static final Field VERSION = versionField();

    private final Cache delegate;
    private final ObjectProvider<EventStore> eventStore;

    FreshAggregateCache(Cache delegate, ObjectProvider<EventStore> eventStore) {
        this.delegate = delegate;
        this.eventStore = eventStore;
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && isStale(key, entry)) {
            delegate.remove(key);
            return null;
        }
        return value;
    }

    private boolean isStale(Object key, AggregateCacheEntry<?> entry) {
        Long cached = version(entry);
        Long latest = LatestSequences.known(key);
        if (latest == null) {
            latest = eventStore.getObject().lastSequenceNumberFor(key.toString()).orElse(null);
        }
        return cached == null ? latest != null : latest != null && latest > cached;
    }

    /** Axon keeps the version of a cache entry to itself; it is the sequence of the last event applied. */
    private static Long version(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read the version of a cached aggregate", e);
        }
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("This Axon version's AggregateCacheEntry has no version field", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return delegate.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }
}
