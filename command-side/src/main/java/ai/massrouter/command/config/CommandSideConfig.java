package ai.massrouter.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.core.Ehcache;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

@Configuration
public class CommandSideConfig {

    /**
     * Aggregates stay in memory between commands, so a busy stream is not re-read for every
     * command. Strong references, bounded by count: a weak-reference cache is emptied by every
     * garbage collection, which on a busy node means a reload from the store every few hundred ms.
     */
    @Bean(destroyMethod = "close")
    public CacheManager aggregateCacheManager(@Value("${massrouter.aggregate-cache.size:20000}") long size) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .withCache("aggregates", CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class,
                        Object.class, ResourcePoolsBuilder.heap(size)))
                .build(true);
    }

    /**
     * {@code massrouter.aggregate-cache.verify=false} trusts the cache without asking the store:
     * only for a single node, the only writer of its streams.
     */
    @Bean
    public Cache aggregateCache(CacheManager aggregateCacheManager, ObjectProvider<EventStore> eventStore,
                                @Value("${massrouter.aggregate-cache.verify:true}") boolean verify) {
        // Ehcache 3 hands out its caches as org.ehcache.core.Ehcache, the type Axon's adapter takes
        Cache cache = new EhCache3Adapter((Ehcache<Object, Object>) aggregateCacheManager.getCache("aggregates",
                Object.class, Object.class));
        return verify ? new FreshAggregateCache(cache, eventStore) : cache;
    }

    @Bean
    public SnapshotTriggerDefinition userSnapshotTrigger(Snapshotter snapshotter,
                                                         @Value("${massrouter.snapshot.user-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Busy accounts are cached; a snapshot keeps a cold load (another node, a cache miss) short. */
    @Bean
    public SnapshotTriggerDefinition accountSnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${massrouter.snapshot.account-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
